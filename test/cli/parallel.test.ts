import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec, workspace } from './run';
import { generatedSpec } from './scenario';

function generated(count: number): string {
  const files: Record<string, string> = {};
  // spread over folders so the order of results is the sorted order of paths, not of generation
  for (let i = 0; i < count; i++) files[`batch-${i % 4}/spec-${String(i).padStart(3, '0')}.commspec.yaml`] = generatedSpec(i);
  return workspace(files);
}

const debug = { COMMSPEC_DEBUG_THREADS: '1' };

describe('parallel linting', () => {
  it('gives exactly the serial output on 120 files, in the same order', () => {
    const dir = generated(120);
    const serial = commspec(['lint', '.', '-f', 'json', '--threads', '1'], { cwd: dir, env: debug });
    const parallel = commspec(['lint', '.', '-f', 'json', '--threads', '3'], { cwd: dir, env: debug });
    expect(serial.stderr).toContain('threads: linted 120 files on 1 thread');
    expect(parallel.stderr).toContain('threads: linted 120 files on 3 threads');
    expect(parallel.status).toBe(serial.status);
    expect(parallel.stdout).toBe(serial.stdout);
    const results = JSON.parse(parallel.stdout) as Array<{ filePath: string; errorCount: number }>;
    expect(results).toHaveLength(120);
    expect(results.map((r) => r.filePath)).toEqual([...results.map((r) => r.filePath)].sort());
    // the files differ, so a mix-up of results would show
    expect(new Set(results.map((r) => r.errorCount)).size).toBeGreaterThan(1);

    const sarifSerial = commspec(['lint', '.', '-f', 'sarif', '--threads', '1'], { cwd: dir });
    const sarifParallel = commspec(['lint', '.', '-f', 'sarif', '--threads', '2'], { cwd: dir });
    expect(sarifParallel.stdout).toBe(sarifSerial.stdout);
  });

  it('uses threads by itself above 200 files (when the machine has more than one core), and not below', () => {
    const many = commspec(['lint', '.', '-q'], { cwd: generated(201), env: debug });
    const cores = os.availableParallelism();
    expect(many.stderr).toContain(`threads: linted 201 files on ${cores > 1 ? '2 threads' : '1 thread'}`);
    const few = commspec(['lint', '.', '-q'], { cwd: generated(200), env: debug });
    expect(few.stderr).toContain('threads: linted 200 files on 1 thread');
  });

  it('applies --fix the same way on threads', () => {
    const a = generated(60);
    const b = generated(60);
    const serial = commspec(['lint', '.', '--fix', '--threads', '1', '-f', 'json'], { cwd: a });
    const parallel = commspec(['lint', '.', '--fix', '--threads', '2', '-f', 'json'], { cwd: b });
    expect(parallel.stdout.split(b).join('<dir>')).toBe(serial.stdout.split(a).join('<dir>'));
    for (const folder of readdirSync(a).filter((f) => f.startsWith('batch-'))) {
      for (const f of readdirSync(path.join(a, folder))) {
        expect(readFileSync(path.join(b, folder, f), 'utf8')).toBe(readFileSync(path.join(a, folder, f), 'utf8'));
      }
    }
    // every 5th file said 'beds' and has been fixed
    expect(readFileSync(path.join(b, 'batch-0', 'spec-000.commspec.yaml'), 'utf8')).toContain('summary: Emergency placements for young people');
  });

  it('rejects a --threads that is not a whole number of 1 or more', () => {
    const r = commspec(['lint', 'examples', '--threads', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expected a whole number of 1 or more/);
  });
});
