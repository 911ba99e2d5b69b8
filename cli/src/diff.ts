import { structuredPatch } from 'diff';

/** A unified diff of one file, as `git diff` prints it (for --fix-dry-run). Empty when nothing changed. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = structuredPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
  const out = [`--- a/${name}`, `+++ b/${name}`];
  for (const h of patch.hunks) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    // one at a time: a hunk can hold hundreds of thousands of lines, too many to spread into one call
    for (const line of h.lines) out.push(line);
  }
  return out.join('\n') + '\n';
}
