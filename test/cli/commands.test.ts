import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../helpers';
import { commspec, workspace } from './run';
import { version } from './scenario';

const bin = path.join(root, 'bin', 'commspec.js');

describe('commspec init', () => {
  it('creates a specification and a configuration that lint with no errors', () => {
    const dir = workspace({});
    const r = commspec(['init', '--title', 'Short breaks: culture & sport', '--lead', "St Helen's Borough Council", '--service-type', 'short-breaks'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('created short-breaks-culture-sport.commspec.yaml\ncreated .commspec.yaml\n');
    const spec = parse(readFileSync(path.join(dir, 'short-breaks-culture-sport.commspec.yaml'), 'utf8'));
    expect(spec).toMatchObject({ kind: 'specification', id: 'short-breaks-culture-sport', title: 'Short breaks: culture & sport', service_type: 'short-breaks', commissioner: { lead: "St Helen's Borough Council" } });
    // a template is not done until its words are changed: every 'Replace with …' is an error, and nothing else is
    const lint = commspec(['lint', '-f', 'json'], { cwd: dir });
    expect(lint.status).toBe(1);
    const [res] = JSON.parse(lint.stdout) as Array<{ errorCount: number; warningCount: number; messages: Array<{ ruleId: string }> }>;
    expect(res.errorCount).toBeGreaterThan(5);
    expect(new Set(res.messages.map((m) => m.ruleId))).toEqual(new Set(['structure/template-text']));
    // once the placeholders are written over, the starting point lints clean: not a wall of warnings either
    const file = path.join(dir, 'short-breaks-culture-sport.commspec.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/Replace (?:this |it )?with /g, 'As the commissioner writes it '));
    const done = commspec(['lint', '-f', 'json'], { cwd: dir });
    const [after] = JSON.parse(done.stdout);
    expect(after.messages).toEqual([]);
    expect(done.status).toBe(0);
    expect(commspec(['lint', '--config', '.commspec.yaml'], { cwd: dir }).status).toBe(0);
  });

  it('never overwrites without --force, and keeps an existing configuration', () => {
    const dir = workspace({ '.commspec.yaml': 'extends: strict\n' });
    const args = ['init', 'specs/eh.commspec.yaml', '--id', 'early-help', '--title', 'Early help', '--lead', 'Example Council'];
    expect(commspec(args, { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, '.commspec.yaml'), 'utf8')).toBe('extends: strict\n');
    // the folder had no config of its own, so one was created next to the specification
    expect(existsSync(path.join(dir, 'specs', '.commspec.yaml'))).toBe(true);
    writeFileSync(path.join(dir, 'specs', 'eh.commspec.yaml'), 'mine');
    const again = commspec(args, { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/specs\/eh\.commspec\.yaml already exists: use --force to replace it/);
    expect(readFileSync(path.join(dir, 'specs', 'eh.commspec.yaml'), 'utf8')).toBe('mine');
    expect(commspec([...args, '--force'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'specs', 'eh.commspec.yaml'), 'utf8')).toMatch(/^id: early-help$/m);
  });

  it('without a terminal, asks for the flags it needs instead of prompting', () => {
    const dir = workspace({});
    const r = commspec(['init', '--title', 'Early help'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Not on a terminal, so commspec cannot ask: give --lead/);
    expect(commspec(['init', '--title', 'x', '--lead', 'y', '--service-type', 'zoo'], { cwd: dir }).stderr).toMatch(/'zoo' is not a service type/);
    expect(commspec(['init', '--title', 'x', '--lead', 'y', '--id', 'Not An Id'], { cwd: dir }).stderr).toMatch(/The id 'Not An Id' cannot be used/);
  });

  it('asks on a terminal, offering defaults', async () => {
    const dir = workspace({});
    // script(1) runs init on a terminal; answers are typed when each question appears
    const child = spawn('script', ['-qec', `${process.execPath} ${bin} init`, '/dev/null'], { cwd: dir, env: { ...process.env, CI: '' } });
    const answers: Array<[RegExp, string]> = [
      [/Title of the service, as on the tender: /, 'Family support in Eastmoor'],
      [/Lead commissioner \(the council\): /, 'Eastmoor Council'],
      [/Short id for the specification \(family-support-in-eastmoor\): /, ''],
      [/Type of service \(.*\) \(other\): /, 'family-support'],
    ];
    let screen = '';
    const status = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        screen += d.toString();
        const next = answers[0];
        if (next && next[0].test(screen)) {
          answers.shift();
          screen = '';
          child.stdin.write(`${next[1]}\r`);
        }
      });
      child.on('close', resolve);
      setTimeout(() => child.kill(), 20_000);
    });
    expect(answers).toEqual([]);
    expect(status).toBe(0);
    const spec = parse(readFileSync(path.join(dir, 'family-support-in-eastmoor.commspec.yaml'), 'utf8'));
    expect(spec).toMatchObject({ id: 'family-support-in-eastmoor', title: 'Family support in Eastmoor', service_type: 'family-support', commissioner: { lead: 'Eastmoor Council' } });
  });
});

describe('commspec rules', () => {
  it('lists every rule with the severity the configuration here gives it', () => {
    const dir = workspace({ '.commspec.yaml': 'rules:\n  terminology/beds: error\n  outcomes/soft-outcome: off\n' });
    const r = commspec(['rules'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^RULE +SEVERITY +DESCRIPTION$/m);
    expect(r.stdout).toMatch(/^terminology\/beds +error +Speaks of 'placements', not 'beds'.* \(fixable\)$/m);
    expect(r.stdout).toMatch(/^outcomes\/soft-outcome +off /m);
    const json = JSON.parse(commspec(['rules', '--format', 'json'], { cwd: dir }).stdout) as Array<{ id: string; severity: string; defaultSeverity: string; description: string }>;
    expect(json.find((x) => x.id === 'terminology/beds')).toMatchObject({ severity: 'error', defaultSeverity: 'hint' });
    expect(json.length).toBeGreaterThan(40);
    expect(json.every((x) => x.description.length > 0)).toBe(true);
    const strict = JSON.parse(commspec(['rules', '--format', 'json'], { cwd: workspace({ '.commspec.yaml': 'extends: strict\n' }) }).stdout) as Array<{ severity: string }>;
    expect(strict.some((x) => x.severity === 'warning')).toBe(false);
  });
});

describe('commspec explain', () => {
  it("prints a rule's metadata, rationale, evidence and documentation", () => {
    const r = commspec(['explain', 'terminology/beds']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^terminology\/beds\n/);
    expect(r.stdout).toMatch(/Default severity: hint/);
    expect(r.stdout).toMatch(/Why it matters:\n {2}Stakeholders in the NELCP evaluation/);
    expect(r.stdout).toMatch(/Evidence:\n {2}- Ipsos MORI 2019, ‘Co-production’, p. 21/);
    expect(r.stdout).toMatch(/Documentation: https:\/\/.*docs\/rules\/terminology\/beds\.md/);
  });

  it('suggests the nearest rule for an unknown id and exits 2', () => {
    const r = commspec(['explain', 'outcomes/has-indicators']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/There is no rule 'outcomes\/has-indicators'\. Did you mean 'outcomes\/has-indicator'\?/);
    expect(commspec(['explain', 'has-indicator']).stderr).toMatch(/Did you mean 'outcomes\/has-indicator'\?/);
  });

  it('explains built-in checks that are not configurable rules', () => {
    const r = commspec(['explain', 'schema/enum']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/built-in check/);
  });
});

describe('commspec schema', () => {
  it('prints the JSON Schema of each kind', () => {
    for (const kind of ['specification', 'framework', 'bid', 'config']) {
      const r = commspec(['schema', kind]);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).$id).toBe(`https://commspec.dev/schemas/v1/${kind}.schema.json`);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(path.join(root, 'schemas', `${kind}.schema.json`), 'utf8')));
    }
    expect(JSON.parse(commspec(['schema']).stdout).$id).toMatch(/specification\.schema\.json$/);
  });

  it('exits 2 for an unknown kind, with a suggestion', () => {
    const r = commspec(['schema', 'specifcation']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/There is no schema for 'specifcation': did you mean 'specification'\?/);
  });
});

describe('--version and --help', () => {
  it('prints the version', () => {
    for (const flag of ['--version', '-v']) {
      const r = commspec([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it('shows examples for every command', () => {
    const top = commspec(['--help']);
    expect(top.status).toBe(0);
    for (const cmd of ['lint', 'init', 'rules', 'explain', 'schema']) {
      expect(top.stdout).toMatch(new RegExp(`^ {2}${cmd} `, 'm'));
      const r = commspec([cmd, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Examples:\n {2}commspec /);
    }
    expect(commspec(['lint', '--help']).stdout).toMatch(/sarif +SARIF 2\.1\.0/);
  });

  it('exits 2 for an unknown command', () => {
    const r = commspec(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
