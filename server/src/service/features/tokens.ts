// Semantic tokens for the expressions inside YAML strings, and document links to other files.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { semanticTokens as expressionTokens, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../../../grammar/src/index';
import { keyText, nodeAtPath } from '../document';
import { get } from '../model';
import type { Analysis, Host } from '../service';
import type { Range } from '../text';
import { expressionsOf, scalarContent, spanToSource } from './common';

export const tokenTypes: readonly string[] = SEMANTIC_TOKEN_TYPES;
export const tokenModifiers: readonly string[] = SEMANTIC_TOKEN_MODIFIERS;

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** Tokens for every expression in the document, in document order, each on one line. */
export function semanticTokens(a: Analysis, range?: { start: number; end: number }): SemanticToken[] {
  const out: SemanticToken[] = [];
  for (const e of expressionsOf(a)) {
    if (range && (e.site.end < range.start || e.site.start > range.end)) continue;
    for (const t of expressionTokens(e.parsed, e.context)) {
      const { start, end } = spanToSource(a, e, t.span.start, t.span.end);
      if (end <= start) continue;
      const s = a.doc.lines.positionAt(start);
      const f = a.doc.lines.positionAt(end);
      if (s.line !== f.line) continue; // a token folded over a line break is left to the YAML colouring
      out.push({ line: s.line, character: s.character, length: end - start, type: t.type, modifiers: t.modifiers ?? [] });
    }
  }
  return out.sort((x, y) => x.line - y.line || x.character - y.character);
}

export interface DocumentLink {
  start: number;
  end: number;
  range: Range;
  target: string;
  tooltip: string;
}

/** Web addresses a link may open: http and https only, with nothing that could end the address early. */
const webAddress = /^https?:\/\/[^\s<>"'`\\]+$/i;

/**
 * Whether a link target is one commspec will hand to an editor: an http(s) address or a file: URI (which the
 * caller checks is inside the workspace). `command:`, `javascript:`, `vscode:`, `data:` and every other scheme are
 * refused, whatever the document says: an editor would run or open them on a click.
 */
export function isSafeLinkTarget(target: string): boolean {
  if (webAddress.test(target)) return true;
  return /^file:\/\//i.test(target) && !/[\u0000-\u001f\u007f]/.test(target);
}

export interface LinkOptions {
  /** Whether a file: target may be linked (the server allows only files inside the workspace). Default: all. */
  allowFile?: (uri: string) => boolean;
}

/** Links from framework paths, a bid's specification path and web addresses to what they name. */
export function documentLinks(a: Analysis, host: Pick<Host, 'resolve'>, options: LinkOptions = {}): DocumentLink[] {
  const out: DocumentLink[] = [];
  const doc = a.doc;
  const link = (node: Node | undefined, target: string, tooltip: string) => {
    if (!isScalar(node) || !node.range) return;
    if (!isSafeLinkTarget(target)) return;
    if (/^file:/i.test(target) && options.allowFile && !options.allowFile(target)) return;
    const c = scalarContent(doc, node);
    out.push({ ...c, range: doc.lines.range(c.start, c.end), target, tooltip });
  };
  if (a.model.kind === 'specification') {
    get.arr(a.model.value.frameworks).forEach((f, i) => {
      const path = get.str(get.obj(f)?.path);
      if (path) link(nodeAtPath(doc.yaml, ['frameworks', i, 'path']).node, host.resolve(a.uri, path), `Open the framework ${get.str(get.obj(f)?.id) ?? ''}`.trim());
    });
  }
  if (a.model.kind === 'bid') {
    const path = get.str(get.obj(a.model.value.specification)?.path);
    if (path) link(nodeAtPath(doc.yaml, ['specification', 'path']).node, host.resolve(a.uri, path), 'Open the specification this bid answers');
  }
  // web addresses written as `url:` values anywhere
  const stack: unknown[] = [doc.yaml?.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      for (const p of n.items) {
        const v = p.value as Node | undefined;
        if (keyText(p.key) === 'url' && isScalar(v) && typeof v.value === 'string' && webAddress.test(v.value)) link(v, v.value, 'Open in the browser');
        else stack.push(v);
      }
    } else if (isSeq(n)) for (const i of n.items) stack.push(i);
  }
  return out.sort((x, y) => x.start - y.start);
}
