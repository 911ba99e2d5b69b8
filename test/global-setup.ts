import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds dist/ once before the suites that run the real binaries (CLI, language server, extension). */
export default function setup(): void {
  if (process.env.COMMSPEC_SKIP_BUILD === '1') return; // for quick runs of suites that do not need dist/
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
