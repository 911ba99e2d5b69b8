// Generates schemas/<kind>.schema.json from the readable YAML sources in schemas/src/.
// The JSON files are committed (other YAML tooling reads them); test/schemas.test.ts fails when they drift.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const srcDir = path.join(root, 'schemas', 'src');

export function generateSchemas() {
  const common = parse(readFileSync(path.join(srcDir, 'common.yaml'), 'utf8')).$defs;
  const out = {};
  for (const file of readdirSync(srcDir).sort()) {
    if (!file.endsWith('.yaml') || file === 'common.yaml') continue;
    const kind = file.replace(/\.yaml$/, '');
    const schema = parse(readFileSync(path.join(srcDir, file), 'utf8'));
    if (kind !== 'config') schema.$defs = { ...common, ...(schema.$defs ?? {}) };
    out[`${kind}.schema.json`] = JSON.stringify(schema, null, 2) + '\n';
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(generateSchemas())) {
    writeFileSync(path.join(root, 'schemas', name), text);
    console.error(`wrote schemas/${name}`);
  }
}
