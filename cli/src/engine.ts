import { createHash } from 'node:crypto';
import type { EffectiveRules } from '../../server/src/service/config';
import type { Finding, TextEdit } from '../../server/src/service/findings';
import { LanguageService, type Host } from '../../server/src/service/service';
import type { Rule } from '../../server/src/service/rules/types';
import { fileHost } from './host';

/**
 * Linting one document: the unit of work shared by the serial loop and the worker threads,
 * so both produce exactly the same results.
 */
export interface LintJob {
  /** Position in the list of files, so results come back in order whatever thread ran them. */
  index: number;
  /** Absolute path. */
  file: string;
  text: string;
  settings: EffectiveRules;
  /** Apply safe fixes (for --fix and --fix-dry-run); the caller decides whether to write. */
  fix: boolean;
}

export interface LintJobResult {
  index: number;
  file: string;
  findings: Finding[];
  /** Every other document the analysis read, with the hash of its text (null: it could not be read). */
  deps: Record<string, string | null>;
  /** The text after safe fixes, when any were applied. */
  fixedText?: string;
  /** How many fixes were applied. */
  fixesApplied?: number;
  /** Why fixes were found but not applied. */
  fixRefused?: string;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A host that remembers what the language service read, so the cache can tell when a linked document changes. */
class RecordingHost implements Host {
  private reads = new Map<string, string | null>();
  constructor(private readonly inner: Host) {}
  readFile(uri: string): string | undefined {
    const text = this.inner.readFile(uri);
    this.reads.set(uri, text === undefined ? null : hashText(text));
    return text;
  }
  resolve(base: string, relative: string): string {
    return this.inner.resolve(base, relative);
  }
  take(): Record<string, string | null> {
    const out = Object.fromEntries([...this.reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    this.reads = new Map();
    return out;
  }
}

/** Passes of fixing: a fix can reveal another (as in ESLint, which also stops at 10). */
const maxFixPasses = 10;

function countStructuralErrors(findings: Finding[]): number {
  return findings.filter((f) => f.severity === 'error' && (f.ruleId.startsWith('yaml/') || f.ruleId.startsWith('schema/'))).length;
}

/**
 * Applies the safe fixes of `findings` to `text`: only fixes marked `safe: true`, and of fixes that overlap only the first.
 * Edits are applied from the end so earlier offsets stay valid. Returns the new text and how many fixes were applied.
 */
export function applySafeFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const candidates = findings
    .filter((f) => f.fix?.safe === true && f.fix.edits.length > 0)
    .map((f) => {
      const edits = [...f.fix!.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      return { edits, start: edits[0].start, end: Math.max(...edits.map((e) => e.end)) };
    })
    .filter((c) => c.edits.every((e, i) => e.start <= e.end && e.start >= 0 && e.end <= text.length && (i === 0 || e.start >= c.edits[i - 1].end)))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let lastEnd = -1;
  let applied = 0;
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = JSON.stringify(c.edits);
    if (seen.has(key)) continue; // the same fix offered by two findings
    if (c.start < lastEnd || (c.start === lastEnd && c.start === c.end)) continue; // overlaps (or inserts at the end of) one already chosen
    seen.add(key);
    for (const e of c.edits) chosen.push(e);
    lastEnd = c.end;
    applied++;
  }
  let out = text;
  for (const e of chosen.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied };
}

/**
 * The result for a job whose analysis failed (a bug, or a document built to exhaust the analyser): one error at the
 * top of the file, in the words of the person running the linter, so this file fails the run and the others are kept.
 */
export function failedResult(job: Pick<LintJob, 'index' | 'file'>, error: unknown): LintJobResult {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    index: job.index,
    file: job.file,
    findings: [
      {
        ruleId: 'internal/analysis-failed',
        severity: 'error',
        message: `commspec could not check this file (${reason}). The other files were checked. Please report this with the file.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        offsets: { start: 0, end: 0 },
      },
    ],
    deps: {},
  };
}

/** Lints one document with a language service whose host records what it reads. */
export class Linter {
  private readonly host: RecordingHost;
  private readonly service: LanguageService;

  constructor(overrides: Map<string, string> = new Map(), rules?: readonly Rule[]) {
    this.host = new RecordingHost(fileHost(overrides));
    this.service = rules ? new LanguageService(this.host, rules) : new LanguageService(this.host);
  }

  get rules() {
    return this.service.rules;
  }

  /**
   * Lints one job. Never throws: a document that defeats the analysis gets one finding saying so,
   * and every other file keeps its results.
   */
  run(job: LintJob): LintJobResult {
    try {
      return this.runUnguarded(job);
    } catch (e) {
      this.host.take();
      return failedResult(job, e);
    }
  }

  private runUnguarded(job: LintJob): LintJobResult {
    this.host.take();
    const first = this.service.analyse(job.file, job.text, job.settings).findings;
    const deps = this.host.take();
    const result: LintJobResult = { index: job.index, file: job.file, findings: first, deps };
    if (!job.fix || !first.some((f) => f.fix?.safe === true)) return result;

    let text = job.text;
    let findings = first;
    let total = 0;
    for (let pass = 0; pass < maxFixPasses; pass++) {
      const { text: next, applied } = applySafeFixes(text, findings);
      if (applied === 0 || next === text) break;
      let after: Finding[];
      try {
        after = this.service.analyse(job.file, next, job.settings).findings;
      } catch {
        // the fixed text defeats the analysis: keep the file as it was before this pass
        result.fixRefused = `A fix would have made the document impossible to check, so it was not applied. Please report this with the file.`;
        break;
      } finally {
        this.host.take();
      }
      if (countStructuralErrors(after) > countStructuralErrors(findings)) {
        // A fix that breaks the document is a bug in a rule; keep what was fixed before it.
        result.fixRefused = `A fix would have made the document invalid, so it was not applied. Please report this with the file.`;
        break;
      }
      text = next;
      findings = after;
      total += applied;
    }
    if (total > 0 && text !== job.text) {
      result.fixedText = text;
      result.fixesApplied = total;
      result.findings = findings;
    }
    return result;
  }
}
