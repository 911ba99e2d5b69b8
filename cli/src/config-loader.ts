import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ConfigFile } from '../../server/src/service/config';
import { LanguageService, noHost } from '../../server/src/service/service';
import { readText } from './host';

export class ConfigError extends Error {}

const cache = new Map<string, ConfigFile | null>();
const configService = new LanguageService(noHost);

function load(file: string): ConfigFile {
  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    throw new ConfigError(`Cannot read the configuration file ${file}: ${(e as Error).message}`);
  }
  const analysis = configService.analyse(file, text);
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    const list = errors.map((f) => `  ${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n');
    throw new ConfigError(`The configuration file ${file} has problems:\n${list}`);
  }
  const value = (parse(text) ?? {}) as ConfigFile['value'];
  return { dir: path.dirname(path.resolve(file)).replace(/\\/g, '/'), value };
}

/** Config files that apply to a file: every `.commspec.yaml` from the file's folder up, nearest last, stopping at `root: true`. */
export function configsFor(file: string, explicit?: string): ConfigFile[] {
  if (explicit) {
    const key = `explicit:${explicit}`;
    let c = cache.get(key);
    if (c === undefined) {
      if (!existsSync(explicit)) throw new ConfigError(`The configuration file ${explicit} does not exist`);
      c = load(explicit);
      cache.set(key, c);
    }
    return c ? [c] : [];
  }
  const chain: ConfigFile[] = [];
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    for (const name of ['.commspec.yaml', '.commspec.yml']) {
      const candidate = path.join(dir, name);
      let c = cache.get(candidate);
      if (c === undefined) {
        c = existsSync(candidate) && statSync(candidate).isFile() ? load(candidate) : null;
        cache.set(candidate, c);
      }
      if (c) {
        chain.unshift(c);
        if (c.value.root) return chain;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return chain;
    dir = parent;
  }
}
