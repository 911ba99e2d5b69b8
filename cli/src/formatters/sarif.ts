import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Severity } from '../../../server/src/service/findings';
import { LineIndex, type Range } from '../../../server/src/service/text';
import { builtInCheck, type FileResult, type Formatter, type FormatContext } from './types';

/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and other security dashboards read.
 * Written by hand from the typed model in @types/sarif: the log is plain data, and we need precise control
 * over regions, column kind, the source-root base id, rule indexes and fixes.
 */

const srcRoot = '%SRCROOT%';

function level(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** 1-based lines and UTF-16 columns; the end column is the one just past the region (SARIF §3.30). */
function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A relative uri (percent-encoded, forward slashes) when the file is under the current folder, else a file: uri. */
function artifactLocation(ctx: FormatContext, file: string): Sarif.ArtifactLocation {
  const rel = path.relative(ctx.cwd, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: srcRoot };
}

function fixes(f: Finding, source: string | undefined, location: Sarif.ArtifactLocation): Sarif.Fix[] | undefined {
  if (!f.fix || source === undefined) return undefined;
  const lines = new LineIndex(source);
  return [
    {
      description: { text: f.fix.title },
      artifactChanges: [
        {
          artifactLocation: location,
          replacements: f.fix.edits.map((e) => ({
            deletedRegion: region(lines.range(e.start, e.end)),
            ...(e.newText ? { insertedContent: { text: e.newText } } : {}),
          })),
        },
      ],
    },
  ];
}

export const sarif: Formatter = (results: FileResult[], ctx) => {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i !== undefined) return i;
    const info = ctx.rules.get(id) ?? builtInCheck(id);
    const descriptor: Sarif.ReportingDescriptor = { id, shortDescription: { text: info?.description ?? id } };
    if (info?.rationale) {
      descriptor.fullDescription = { text: info.rationale };
      descriptor.help = { text: info.rationale, ...(info.helpUri ? { markdown: `${info.rationale}\n\n[Documentation](${info.helpUri})` } : {}) };
    }
    if (info?.helpUri) descriptor.helpUri = info.helpUri;
    descriptor.defaultConfiguration = { level: level(info?.severity ?? 'error') };
    const [category] = id.split('/');
    descriptor.properties = { tags: ['commspec', category] };
    i = rules.length;
    rules.push(descriptor);
    ruleIndex.set(id, i);
    return i;
  };

  const sarifResults: Sarif.Result[] = [];
  const artifacts: Sarif.Artifact[] = [];
  for (const r of results) {
    const location = artifactLocation(ctx, r.filePath);
    const artifactIndex = artifacts.length;
    artifacts.push({ location });
    for (const f of r.findings) {
      const result: Sarif.Result = {
        ruleId: f.ruleId,
        ruleIndex: indexOf(f.ruleId),
        level: level(f.severity),
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { ...location, index: artifactIndex }, region: region(f.range) } }],
      };
      if (f.related?.length) {
        result.relatedLocations = f.related.map((rel, id) => ({
          id,
          message: { text: rel.message },
          physicalLocation: { artifactLocation: artifactLocation(ctx, rel.uri), region: region(rel.range) },
        }));
      }
      const fx = fixes(f, r.source, location);
      if (fx) result.fixes = fx;
      sarifResults.push(result);
    }
  }

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'commspec',
            semanticVersion: ctx.version,
            version: ctx.version,
            informationUri: 'https://github.com/commspec/commspec',
            rules,
          },
        },
        originalUriBaseIds: { [srcRoot]: { uri: pathToFileURL(ctx.cwd.endsWith(path.sep) ? ctx.cwd : ctx.cwd + path.sep).href } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
