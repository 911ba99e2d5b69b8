// Runs the extension-host tests in a downloaded VS Code with @vscode/test-electron.
// `npm run test:electron` on a machine with internet access (it downloads VS Code): not in CI here,
// where test/e2e/ runs the extension in code-server instead.
import path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/electron/suite/index.js'),
      launchArgs: [path.join(root, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (e) {
    console.error('extension tests failed:', e);
    process.exit(1);
  }
}

void main();
