// The extensionTestsPath module: @vscode/test-electron loads it in the extension host and calls run().
import path from 'node:path';

// mocha is a devDependency of the electron suite only; typed here so the main typecheck needs no @types/mocha.
interface MochaRunner {
  run(done: (failures: number) => void): unknown;
  addFile(file: string): void;
}
type MochaConstructor = new (options: { ui: string; timeout: number; color: boolean }) => MochaRunner;

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha') as MochaConstructor;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
