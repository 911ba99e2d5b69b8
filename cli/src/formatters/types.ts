import type { Finding } from '../../../server/src/service/findings';

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  findings: Finding[];
}

export interface FormatContext {
  cwd: string;
  color: boolean;
  /** Rule metadata by id, for formats that describe rules. */
  rules: Map<string, { description: string; helpUri: string }>;
  version: string;
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;
