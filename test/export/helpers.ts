import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileHost } from '../../cli/src/host';
import { LanguageService } from '../../server/src/service/service';
import { root } from '../helpers';

export const examplesDir = path.join(root, 'examples');
export const exportFixtures = path.join(root, 'test', 'export', 'fixtures');

const service = new LanguageService(fileHost());

/** The valid examples at the top of examples/ (specifications and the framework). */
export function exampleFiles(): string[] {
  return readdirSync(examplesDir)
    .filter((f) => /\.commspec\.ya?ml$/.test(f))
    .map((f) => path.join(examplesDir, f))
    .sort();
}

export const exampleBids = (): string[] =>
  readdirSync(path.join(examplesDir, 'bids'))
    .filter((f) => /\.commspec\.ya?ml$/.test(f))
    .map((f) => path.join(examplesDir, 'bids', f));

export function analyseFile(file: string) {
  return service.analyse(file, readFileSync(file, 'utf8'));
}

/** Analyses text as if it were a file in the export fixtures folder (so relative framework paths resolve there). */
export function analyseText(text: string, name = 'doc.commspec.yaml') {
  return service.analyse(path.join(exportFixtures, name), text);
}
