// Document text inside the Markdown of hovers and completion documentation. Editors render that Markdown;
// what a document says must reach the reader as text, never as a link, an image, HTML or a command.

/** Punctuation that Markdown (CommonMark and GFM) gives a meaning to anywhere in a line; each gets a backslash. */
const markdownPunctuation = /[\\`*_{}[\]()<>#|~!]/g;

/** Text written in a document, for Markdown: every character that could start markup is escaped, line breaks become spaces. */
export function mdText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\r\n]+/g, ' ')
    .replace(markdownPunctuation, (c) => `\\${c}`)
    // what starts a list, a heading underline or a numbered list at the start of a paragraph
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text written in a document, as a Markdown code span: fenced by more backticks than its longest run of them. */
export function mdCode(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
