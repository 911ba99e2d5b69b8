import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers';

// `commspec lint … | head`: the reader closes the pipe early. The CLI must stop quietly with the exit
// code its findings gave, not print a stack trace for EPIPE.
describe('output into a pipe that closes early', () => {
  for (const format of ['sarif', 'json', 'stylish']) {
    it(`lint --format ${format} | head -c 10 exits with the findings' code and prints no error`, () => {
      const bin = path.join(root, 'bin', 'commspec.js');
      const err = path.join(os.tmpdir(), `commspec-pipe-${process.pid}-${format}.txt`);
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" lint examples/flawed examples --format ${format} 2>"${err}" | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"; cat "${err}" >&2; rm -f "${err}"`], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at .*\(/);
      expect(r.stdout.trim()).toBe('1');
    });
  }
});
