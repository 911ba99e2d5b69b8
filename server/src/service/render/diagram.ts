/**
 * The theory of change as an inline SVG: needs → (inputs) → activities → outputs → outcomes.
 * The SVG is a picture of the lists that follow it (the text alternative); boxes show at most a few
 * lines and end with "…" when the text is longer, the full text is always in the lists.
 */

import { esc } from './escape';

export interface DiagramColumn {
  title: string;
  items: string[];
}

const COL_W = 196;
const GAP = 44;
const PAD = 8;
const LINE_H = 16;
const MAX_LINES = 6;
const CHARS_PER_LINE = 25;
const BOX_GAP = 10;
const TOP = 34;

/** Greedy word wrap to `width` characters, at most `max` lines, ending with "…" when cut. */
export function wrap(text: string, width = CHARS_PER_LINE, max = MAX_LINES): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    // very long words are split so they cannot overflow the box
    for (let w = word; w.length > 0; ) {
      const room = line ? width - line.length - 1 : width;
      if (w.length <= room) {
        line = line ? `${line} ${w}` : w;
        w = '';
      } else if (!line && w.length > width) {
        lines.push(w.slice(0, width));
        w = w.slice(width);
      } else {
        lines.push(line);
        line = '';
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    const last = kept[max - 1];
    kept[max - 1] = (last.length >= width ? last.slice(0, width - 1) : last) + '…';
    return kept;
  }
  return lines;
}

/** The SVG markup. `titleId` names the accessible title element (unique in the page). */
export function theoryOfChangeSvg(columns: DiagramColumn[], titleId: string, description: string): string {
  const cols = columns.filter((c) => c.items.length > 0);
  const laid = cols.map((c) => {
    let y = TOP;
    const boxes = c.items.map((item) => {
      const lines = wrap(item);
      const h = Math.max(1, lines.length) * LINE_H + PAD * 2;
      const box = { y, h, lines };
      y += h + BOX_GAP;
      return box;
    });
    return { title: c.title, boxes, bottom: y - BOX_GAP };
  });
  const width = cols.length * COL_W + Math.max(0, cols.length - 1) * GAP + 4;
  const height = Math.max(TOP + 40, ...laid.map((c) => c.bottom)) + 6;
  const mid = Math.max(TOP + 20, Math.min(height / 2, TOP + 120));
  const parts: string[] = [];
  laid.forEach((col, i) => {
    const x = 2 + i * (COL_W + GAP);
    parts.push(`<text class="toc-col-title" x="${x + COL_W / 2}" y="20" text-anchor="middle">${esc(col.title)}</text>`);
    for (const box of col.boxes) {
      const tspans = box.lines
        .map((l, j) => `<tspan x="${x + PAD}" y="${box.y + PAD + 12 + j * LINE_H}">${esc(l)}</tspan>`)
        .join('');
      parts.push(`<g class="toc-box"><rect x="${x}" y="${box.y}" width="${COL_W}" height="${box.h}" rx="5" ry="5"/><text>${tspans}</text></g>`);
    }
    if (i < laid.length - 1) {
      const x1 = x + COL_W + 6;
      const x2 = x + COL_W + GAP - 6;
      parts.push(`<line class="toc-arrow" x1="${x1}" y1="${mid}" x2="${x2 - 8}" y2="${mid}"/>`);
      parts.push(`<polygon class="toc-arrowhead" points="${x2},${mid} ${x2 - 10},${mid - 6} ${x2 - 10},${mid + 6}"/>`);
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${Math.ceil(height)}" role="img" aria-labelledby="${titleId}" focusable="false">` +
    `<title id="${titleId}">${esc(description)}</title>` +
    parts.join('') +
    `</svg>`
  );
}
