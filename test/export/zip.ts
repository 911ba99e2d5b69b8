/** A minimal reader for the zip files Word documents are (stored or deflated entries), with Node's zlib. */
import { inflateRawSync } from 'node:zlib';

export function unzip(data: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // The end of central directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    files.set(name, method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : Buffer.alloc(0));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

export function xmlText(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
}

export interface WordParagraph {
  style?: string;
  text: string;
  numbered: boolean;
  level?: number;
}

/** The paragraphs of a WordprocessingML body, each with its style and text. */
export function paragraphs(xml: string): WordParagraph[] {
  const out: WordParagraph[] = [];
  for (const m of xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const inner = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1];
    const ilvl = /<w:ilvl w:val="(\d+)"/.exec(inner)?.[1];
    const text = [...inner.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:br\/>/g)].map((t) => (t[0] === '<w:br/>' ? '\n' : xmlText(t[1]))).join('');
    out.push({ style, text, numbered: /<w:numPr>/.test(inner), level: ilvl === undefined ? undefined : Number(ilvl) });
  }
  return out;
}

export interface WordTable {
  rows: Array<{ header: boolean; cells: string[] }>;
}

/** The tables of a WordprocessingML body (not nested). */
export function tables(xml: string): WordTable[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => ({
    rows: [...t[1].matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) => ({
      header: /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(r[1]),
      cells: [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphs(c[1]).map((p) => p.text).join('\n')),
    })),
  }));
}
