// Editor support: scaffold a response for every outcome of the specification the bid has not answered.
import { isScalar, isSeq, type Node } from 'yaml';
import { nodeAtPath, type SourceDocument } from '../document';
import type { Fix } from '../findings';
import type { DocumentModel } from '../model';
import { indentUnit, yamlScalar } from '../rules/helpers';
import type { Linked } from '../rules/types';
import { assessBid, type OutcomeCheck } from './assess';

/** The outcomes a response is still needed for: they apply to the lots bid for and have no response. */
export function unansweredOutcomes(doc: SourceDocument, model: DocumentModel, linked: Linked): OutcomeCheck[] {
  return assessBid(doc, model, linked)?.outcomes.filter((o) => o.applies && !o.response) ?? [];
}

/**
 * One response as YAML lines relative to its dash: the outcome, an approach to write, and a commitment for
 * every indicator pre-filled with the specification's own target (the least a bid may commit to).
 */
function responseLines(o: OutcomeCheck, inner: number, unit: number): string[] {
  const pad = ' '.repeat(inner);
  const lines = [`- outcome: ${o.id}`, `${pad}approach: ${yamlScalar(`Describe how you will achieve this outcome: ${o.statement.replace(/\s+/g, ' ')}`)}`];
  const committed = o.indicators.filter((i) => i.specTarget);
  if (committed.length) {
    lines.push(`${pad}commitments:`);
    for (const i of committed) lines.push(`${pad}${' '.repeat(unit)}- { indicator: ${i.id}, target: ${JSON.stringify(i.specTarget)} }`);
  }
  return lines;
}

/**
 * A text edit that adds a response for each unanswered outcome (or only those in `only`): appended to
 * `responses:` at its own indentation, or creating `responses:` when the bid has none. Undefined when
 * every outcome is answered, the specification was not found, or `responses:` is written in a way that
 * cannot be extended safely (a non-empty `[ … ]` list).
 */
export function scaffoldResponses(doc: SourceDocument, model: DocumentModel, linked: Linked, only?: readonly string[]): Fix | undefined {
  const missing = unansweredOutcomes(doc, model, linked).filter((o) => !only || only.includes(o.id));
  if (missing.length === 0) return undefined;
  const unit = indentUnit(doc);
  const title = missing.length === 1 ? `Add a response to outcome '${missing[0].id}'` : `Add responses to the ${missing.length} unanswered outcomes`;
  const text = doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const { node, pair } = nodeAtPath(doc.yaml, ['responses']);

  if (!pair) {
    const body = ['responses:', ...missing.flatMap((o) => responseLines(o, 2, unit).map((l) => ' '.repeat(unit) + l))];
    const at = text.length;
    const prefix = text.length === 0 || text.endsWith('\n') ? '' : eol;
    return { title, edits: [{ start: at, end: at, newText: `${prefix}${body.join(eol)}${eol}` }], safe: false };
  }

  const keyNode = pair.key as Node | undefined;
  const keyStart = keyNode?.range?.[0];
  if (keyStart === undefined) return undefined;
  const keyCol = keyStart - doc.lines.lineStart(doc.lines.positionAt(keyStart).line);

  if (isSeq(node) && !node.flow && node.items.length > 0) {
    const first = node.items[0] as Node | undefined;
    const last = node.items[node.items.length - 1] as Node | undefined;
    const firstStart = first?.range?.[0];
    const lastEnd = last?.range?.[1];
    if (firstStart === undefined || lastEnd === undefined) return undefined;
    const line = doc.lines.positionAt(firstStart).line;
    const lineStart = doc.lines.lineStart(line);
    const dashAt = text.lastIndexOf('-', firstStart - 1);
    if (dashAt < lineStart) return undefined;
    const dashCol = dashAt - lineStart;
    const inner = firstStart - dashAt;
    const endLine = doc.lines.positionAt(Math.max(firstStart, lastEnd - 1)).line;
    const insertAt = endLine + 1 < doc.lines.lineCount ? doc.lines.lineStart(endLine + 1) : text.length;
    const atEof = insertAt === text.length && !/\n$/.test(text);
    const body = missing.flatMap((o) => responseLines(o, inner, unit).map((l) => ' '.repeat(dashCol) + l));
    return { title, edits: [{ start: insertAt, end: insertAt, newText: `${atEof ? eol : ''}${body.join(eol)}${eol}` }], safe: false };
  }

  // `responses:` with nothing, null or an empty flow list: replace the value with a block list
  const emptyFlow = isSeq(node) && node.flow && node.items.length === 0;
  const nothing = node === undefined || (isScalar(node) && (node.value === null || node.value === ''));
  if (!emptyFlow && !nothing) return undefined;
  const body = missing.flatMap((o) => responseLines(o, 2, unit).map((l) => ' '.repeat(keyCol + unit) + l));
  const keyEnd = keyNode?.range?.[1] ?? keyStart;
  const colon = text.indexOf(':', keyEnd);
  const valueRange = (node as Node | undefined)?.range;
  const start = colon + 1;
  const end = valueRange && valueRange[1] > start ? valueRange[1] : start;
  return { title, edits: [{ start, end, newText: `${eol}${body.join(eol)}` }], safe: false };
}
