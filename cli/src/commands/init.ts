import { existsSync, lstatSync, mkdirSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { UsageError } from '../files';
import { isInside, realPath, writeFileAtomic } from '../../../server/src/io/safe-io';

/** The service types the specification schema knows (schemas/src/specification.yaml, service_type). */
export const serviceTypes = [
  'residential-care',
  'fostering',
  'short-breaks',
  'early-help',
  'family-support',
  'family-nurse-partnership',
  'youth-services',
  'cultural-education',
  'leaving-care',
  'mental-health',
  'education',
  'other',
] as const;

export interface InitAnswers {
  id: string;
  title: string;
  lead: string;
  serviceType: string;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** A YAML scalar that reads back as the same string, quoted only when it must be. */
function scalar(text: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9 ,'()&.\-/]*$/.test(text) && !/: | #|[,]$/.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/** Today's date plus whole years, as YYYY-MM-DD, for the example term and targets. */
function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A starting specification: valid, lint-clean, with every section a commissioner is expected to fill in. */
export function specificationTemplate(a: InitAnswers, now = new Date()): string {
  const year = now.getUTCFullYear() + 1;
  const d = (y: number, m: number, day: number) => isoDate(y, m, day);
  return `# A commspec service specification. Run \`commspec lint\` to check it as you write.
# Every value below is a placeholder to replace with your own. Each key is described in the
# schema (commspec schema specification) and in your editor's hover.
commspec: 1
kind: specification
id: ${a.id}
title: ${scalar(a.title)}
status: draft
service_type: ${a.serviceType}
summary: >-
  Replace this with two or three sentences for bidders and the public: who the service is for,
  what it should achieve, and how it will be paid.
term:
  start: ${d(year, 4, 1)}
  end: ${d(year + 3, 3, 31)}
commissioner:
  lead: ${scalar(a.lead)}
  type: local-authority

needs:
  summary: >-
    Replace this with what the needs assessment found: how many children and families need the
    service, what they told you, and what is missing today.
  assessment: { title: Replace with the title of the needs assessment, date: ${d(year - 1, 3, 31)} }
  groups: [children-in-need]

outcomes:
  # Outcomes are changes in children's and families' lives, not activities the provider carries out.
  - id: children-safe-at-home
    statement: Children are able to live safely with their families
    beneficiary: children
    horizon: long
    measurable_from: ${d(year + 1, 4, 1)}
    indicators:
      - id: fewer-care-entries
        definition: Children supported by the service who enter care within 12 months
        unit: percent
        polarity: lower
        baseline: { value: 10, date: ${d(year - 1, 3, 31)}, source: SSDA903 return, n: 400 }
        target: "<= 8% by ${d(year + 2, 3, 31)}"
        data_source: Local authority case management system
        frequency: quarterly
        comparator: { type: statistical-neighbours, value: 9, source: Children looked after in England }
        minimum_n: 30

safeguarding:
  # The safeguarding duties every provider must meet: see commspec explain safeguarding/section.
  statement: >-
    The provider safeguards and promotes the welfare of every child under section 11 of the
    Children Act 2004 and Working Together to Safeguard Children 2023.
  statutory_basis: [children-act-2004-s11, working-together-2023]
  designated_lead: Replace with the role of the provider's designated safeguarding lead
  deputy_lead: Replace with the role that acts for the designated lead when they are away
  supervision: Replace with how often staff have supervision and who gives it
  checks: [enhanced-dbs-with-barred-list, safer-recruitment, references]
  training:
    requirement: All staff complete safeguarding training for their role within 12 weeks of starting.
    refresh: 2 years
  escalation:
    route: Designated lead, then the council's children's front door, the LADO for allegations against staff, and the police where a crime is suspected.
    lado: true
    notification: 24 hours
  scope: [child-protection, child-sexual-exploitation, criminal-exploitation, domestic-abuse, online-safety, bullying]
  policy_review: ${d(year + 1, 9, 1)}

participation:
  statement: Replace with how children, young people and families shape, govern and evaluate the service.
  activities:
    - { stage: design, who: young-people, description: Replace with how young people helped write this specification. }
  data_protection: Views are published only in aggregate; no group smaller than ten is reported.

governance:
  lead: Replace with the role that leads the contract
  deputy: Replace with the role that deputises
  monitoring: { frequency: quarterly, method: Quarterly data returns and contract meetings }
  reviews:
    - { date: ${d(year, 12, 31)}, description: First outcome review, type: review }
    - { date: ${d(year + 2, 9, 30)}, description: Review of the longer-term outcomes, type: review }

evaluation:
  plan: Replace with how the service will be evaluated, by whom and when.
  types: [process, impact]
  evaluator: independent
  outcomes_measurable_from: ${d(year + 1, 4, 1)}

exit:
  plan: Replace with how children's cases, records and staff hand over when the contract ends, without harm to children.
  sustainability: Replace with what stays in the area after the contract ends, such as skills, volunteers or practice.
`;
}

export const configTemplate = `# commspec settings for the documents in this folder and below (see commspec rules).
extends: recommended
rules: {}
# Change a rule's severity (error, warning, info, hint, off), for example:
#   rules:
#     outcomes/soft-outcome: off
# Files not to lint:
#   ignore: ["drafts/**"]
`;

/** Asks for the answers not given as options. Lines typed ahead are kept; Ctrl+D or Ctrl+C cancels without writing. */
async function ask(answers: Partial<InitAnswers>): Promise<InitAnswers> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  rl.on('SIGINT', () => rl.close());
  const lines = rl[Symbol.asyncIterator]();
  try {
    const prompt = async (question: string, fallback?: string): Promise<string> => {
      for (;;) {
        rl.setPrompt(fallback ? `${question} (${fallback}): ` : `${question}: `);
        rl.prompt();
        const next = await lines.next();
        if (next.done) throw new UsageError('init was cancelled: nothing was written');
        const got = String(next.value).trim();
        if (got) return got;
        if (fallback) return fallback;
        process.stdout.write('  Please give an answer.\n');
      }
    };
    const title = answers.title ?? (await prompt('Title of the service, as on the tender'));
    const lead = answers.lead ?? (await prompt('Lead commissioner (the council)'));
    const id = answers.id ?? (await prompt('Short id for the specification', slug(title) || 'my-specification'));
    let serviceType = answers.serviceType;
    while (!serviceType) {
      const got = await prompt(`Type of service (${serviceTypes.join(', ')})`, 'other');
      if ((serviceTypes as readonly string[]).includes(got)) serviceType = got;
      else process.stdout.write(`  '${got}' is not one of the types listed.\n`);
    }
    return { id, title, lead, serviceType };
  } finally {
    rl.close();
  }
}

export interface InitOptions {
  id?: string;
  title?: string;
  lead?: string;
  serviceType?: string;
  force?: boolean;
  /** Ask for missing answers (on a terminal). */
  interactive: boolean;
  cwd: string;
}

function check(a: InitAnswers): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(a.id)) {
    throw new UsageError(`The id '${a.id}' cannot be used: use lower-case letters, digits and hyphens, for example ${slug(a.id) || 'early-help-2026'}`);
  }
  if (!(serviceTypes as readonly string[]).includes(a.serviceType)) {
    throw new UsageError(`'${a.serviceType}' is not a service type. Use one of: ${serviceTypes.join(', ')}`);
  }
}

/** Where a write to `file` would land: through every link, a dangling one included (its target, not the link). */
function landsAt(file: string): string {
  try {
    if (lstatSync(file).isSymbolicLink()) {
      try {
        return realpathSync.native(file);
      } catch {
        return realPath(path.resolve(path.dirname(file), readlinkSync(file)));
      }
    }
  } catch {
    /* does not exist yet: its folders may still be links */
  }
  return realPath(file);
}

/**
 * Refuses to write `file` when a symbolic link (the file itself, or a folder on the way to it) leads out of `folder`:
 * init never writes where a link planted in a downloaded or shared folder points.
 */
function refuseLinkOut(file: string, folder: string, cwd: string): void {
  const dest = landsAt(file);
  const inside = realPath(folder);
  if (isInside(dest, inside)) return;
  throw new UsageError(`${path.relative(cwd, file) || file} is a link to ${dest}, outside ${inside}: nothing was written`);
}

/** Creates a specification (and a configuration file when there is none). Returns what it did, one line each. */
export async function init(file: string | undefined, o: InitOptions): Promise<string[]> {
  let answers: InitAnswers;
  if (o.interactive) {
    answers = await ask({ id: o.id, title: o.title, lead: o.lead, serviceType: o.serviceType });
  } else {
    const missing = [!o.title && '--title', !o.lead && '--lead'].filter(Boolean);
    if (missing.length) throw new UsageError(`Not on a terminal, so commspec cannot ask: give ${missing.join(' and ')} (and optionally --id and --service-type)`);
    answers = { title: o.title!, lead: o.lead!, id: o.id ?? slug(o.title!), serviceType: o.serviceType ?? 'other' };
  }
  check(answers);
  const target = path.resolve(o.cwd, file ?? `${answers.id}.commspec.yaml`);
  if (!/\.commspec\.ya?ml$/.test(target)) throw new UsageError(`The file name must end in .commspec.yaml so commspec finds it (got ${file})`);
  if (existsSync(target) && !o.force) throw new UsageError(`${path.relative(o.cwd, target) || target} already exists: use --force to replace it`);
  const configFile = path.join(path.dirname(target), '.commspec.yaml');
  const writeConfig = !existsSync(configFile) || o.force === true;
  // the folder init writes in: the current folder for a file inside it (as written), else the file's own folder
  const folder = isInside(target, path.resolve(o.cwd)) ? path.resolve(o.cwd) : path.dirname(target);
  refuseLinkOut(target, folder, o.cwd);
  if (writeConfig) refuseLinkOut(configFile, folder, o.cwd);
  const done: string[] = [];
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, specificationTemplate(answers));
    done.push(`created ${path.relative(o.cwd, target)}`);
    if (writeConfig) {
      writeFileAtomic(configFile, configTemplate);
      done.push(`created ${path.relative(o.cwd, configFile)}`);
    } else {
      done.push(`kept the existing ${path.relative(o.cwd, configFile)}`);
    }
  } catch (e) {
    throw new UsageError(`Could not write the files: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return done;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a new specification and a .commspec.yaml configuration from a template')
    .argument('[file]', 'the specification to create (default: <id>.commspec.yaml)')
    .option('--id <id>', 'short id of the specification (lower-case, hyphens), e.g. early-help-2026')
    .option('--title <title>', 'title of the service, as on the tender')
    .option('--lead <council>', 'the lead commissioner')
    .option('--service-type <type>', `type of service: ${serviceTypes.join(', ')}`)
    .option('--force', 'replace files that already exist')
    .addHelpText(
      'after',
      `
On a terminal, commspec asks for anything not given as an option. Elsewhere (scripts, CI) give at
least --title and --lead. Existing files are never replaced without --force.

Examples:
  commspec init
  commspec init --title "Short breaks for disabled children" --lead "Example County Council" --service-type short-breaks
  commspec init specs/early-help.commspec.yaml --id early-help-2026 --title "Early help" --lead "Example Borough Council"`,
    )
    .action(async (file: string | undefined, o: { id?: string; title?: string; lead?: string; serviceType?: string; force?: boolean }) => {
      const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
      const done = await init(file, { ...o, interactive, cwd: process.cwd() });
      for (const line of done) process.stdout.write(`${line}\n`);
      process.stdout.write('Next: fill in the outcomes and run commspec lint.\n');
    });
}
