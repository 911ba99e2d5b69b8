/**
 * The stylesheet of a rendered document. Colours meet WCAG 2.2 AA (4.5:1 for text) in the standalone
 * page; in a VS Code webview they come from the theme's variables, with the same light palette as
 * the fallback. Severity is never carried by colour alone: every finding says "Error", "Warning"…
 */

const palette = `
  --cs-bg: #ffffff;
  --cs-fg: #1b1b1b;
  --cs-muted: #4a4a4a;
  --cs-accent: #1d4f91;
  --cs-link: #1d4f91;
  --cs-border: #8c8c8c;
  --cs-rule: #c8c8c8;
  --cs-head-bg: #e9eef6;
  --cs-code-bg: #f1f1f1;
  --cs-box-bg: #f3f6fb;
  --cs-error: #a4262c;
  --cs-warning: #8a5a00;
  --cs-info: #1d4f91;
  --cs-hint: #4a4a4a;
  --cs-focus: #005fcc;
  --cs-font: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  --cs-mono: ui-monospace, "Cascadia Code", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  --cs-size: 16px;
`;

// In a webview every colour follows the editor theme; the fallbacks are the light palette above.
const webviewPalette = `
  --cs-bg: var(--vscode-editor-background, #ffffff);
  --cs-fg: var(--vscode-editor-foreground, #1b1b1b);
  --cs-muted: var(--vscode-descriptionForeground, #4a4a4a);
  --cs-accent: var(--vscode-textLink-foreground, #1d4f91);
  --cs-link: var(--vscode-textLink-foreground, #1d4f91);
  --cs-border: var(--vscode-editorWidget-border, var(--vscode-panel-border, #8c8c8c));
  --cs-rule: var(--vscode-panel-border, #c8c8c8);
  --cs-head-bg: var(--vscode-editorWidget-background, #e9eef6);
  --cs-code-bg: var(--vscode-textCodeBlock-background, #f1f1f1);
  --cs-box-bg: var(--vscode-editorWidget-background, #f3f6fb);
  --cs-error: var(--vscode-editorError-foreground, #a4262c);
  --cs-warning: var(--vscode-editorWarning-foreground, #8a5a00);
  --cs-info: var(--vscode-editorInfo-foreground, #1d4f91);
  --cs-hint: var(--vscode-descriptionForeground, #4a4a4a);
  --cs-focus: var(--vscode-focusBorder, #005fcc);
  --cs-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
  --cs-mono: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace);
  --cs-size: var(--vscode-markdown-font-size, 14px);
`;

const base = `
*, *::before, *::after { box-sizing: border-box; }
html { background: var(--cs-bg); color: var(--cs-fg); font-family: var(--cs-font); font-size: var(--cs-size); line-height: 1.5; }
body { margin: 0; background: var(--cs-bg); color: var(--cs-fg); }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--cs-accent); }
h3 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
p { margin: 0.4rem 0 0.8rem; }
.prose { white-space: pre-line; }
a { color: var(--cs-link); text-decoration: underline; text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--cs-focus); outline-offset: 2px; }
code, .expr { font-family: var(--cs-mono); font-size: 0.92em; background: var(--cs-code-bg); color: var(--cs-fg); padding: 0.05em 0.3em; border-radius: 3px; white-space: pre-wrap; overflow-wrap: anywhere; }
.doc-kind { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; font-weight: 600; color: var(--cs-muted); margin: 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.25rem; margin: 0.75rem 0 1rem; }
.meta > div { display: contents; }
dl { margin: 0.5rem 0 1rem; }
dl.fields > div { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 0 1rem; padding: 0.3rem 0; border-bottom: 1px solid var(--cs-rule); }
dt { font-weight: 600; }
dd { margin: 0; }
.meta dt { font-weight: 600; }
.muted { color: var(--cs-muted); }
ul, ol { margin: 0.3rem 0 0.8rem; padding-left: 1.4rem; }
li { margin: 0.15rem 0; }
ul.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
ul.tags li { border: 1px solid var(--cs-border); border-radius: 1rem; padding: 0 0.6rem; font-size: 0.9em; margin: 0; }
.badge { display: inline-block; border: 1px solid var(--cs-border); border-radius: 3px; padding: 0 0.4rem; font-size: 0.85em; font-weight: 600; }
nav.contents { border: 1px solid var(--cs-rule); border-radius: 4px; padding: 0.5rem 1rem; margin: 1rem 0 1.5rem; }
nav.contents h2 { font-size: 1rem; border: 0; margin: 0.25rem 0; padding: 0; }
nav.contents ol { columns: 2; column-gap: 2rem; margin: 0.25rem 0; }
nav.contents li { break-inside: avoid; margin: 0 0 0.2rem; }
table.tiers { font-size: 0.9em; }
td code.expr, th code.expr { display: block; padding: 0.2em 0.35em; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1.25rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0 0.4rem; color: var(--cs-fg); }
th, td { border: 1px solid var(--cs-border); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--cs-head-bg); color: var(--cs-fg); }
tbody th { font-weight: 600; }
tfoot td, tfoot th { font-weight: 700; background: var(--cs-head-bg); color: var(--cs-fg); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.outcome { border-left: 4px solid var(--cs-accent); padding: 0.1rem 0 0.1rem 1rem; margin: 1.5rem 0; }
.outcome > h3 { margin-top: 0.5rem; }
.statement { font-size: 1.08em; font-weight: 500; }
.indicator { border-top: 1px solid var(--cs-rule); padding-top: 0.25rem; }
.clause { border: 1px solid var(--cs-rule); border-radius: 4px; padding: 0.25rem 1rem 0.5rem; margin: 1rem 0; }
.findings-summary { border: 1px solid var(--cs-border); border-radius: 4px; padding: 0.5rem 1rem; margin: 1rem 0; }
.findings { list-style: none; padding: 0; margin: 0.5rem 0 1rem; }
.finding { border: 1px solid var(--cs-border); border-left-width: 5px; border-radius: 3px; padding: 0.35rem 0.75rem; margin: 0.35rem 0; background: var(--cs-bg); color: var(--cs-fg); }
.finding.error { border-left-color: var(--cs-error); }
.finding.warning { border-left-color: var(--cs-warning); }
.finding.info { border-left-color: var(--cs-info); }
.finding.hint { border-left-color: var(--cs-hint); border-left-style: dashed; }
.finding .severity { font-weight: 700; }
.finding .rule { font-family: var(--cs-mono); font-size: 0.85em; color: var(--cs-muted); }
.finding .where { color: var(--cs-muted); font-size: 0.9em; }
button.goto { font: inherit; font-size: 0.9em; color: var(--cs-link); background: transparent; border: 1px solid var(--cs-border); border-radius: 3px; padding: 0 0.4rem; cursor: pointer; }
figure.toc-diagram { margin: 1rem 0; }
figure.toc-diagram svg { width: 100%; height: auto; display: block; }
figure.toc-diagram figcaption { color: var(--cs-muted); font-size: 0.9em; margin-top: 0.4rem; }
svg .toc-col-title { font: 700 15px var(--cs-font); fill: var(--cs-fg); }
svg .toc-box rect { fill: var(--cs-box-bg); stroke: var(--cs-accent); stroke-width: 1.5; }
svg .toc-box text { font: 12px var(--cs-font); fill: var(--cs-fg); }
svg .toc-arrow { stroke: var(--cs-muted); stroke-width: 2; fill: none; }
svg .toc-arrowhead { fill: var(--cs-muted); }
.toc-text { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0 1.5rem; }
.toc-text h4 { margin-top: 0.5rem; }
footer { margin-top: 3rem; color: var(--cs-muted); font-size: 0.85em; border-top: 1px solid var(--cs-rule); padding-top: 0.5rem; }
.skip { position: absolute; left: -10000px; top: 0; }
.skip:focus { left: 0.5rem; top: 0.5rem; background: var(--cs-bg); color: var(--cs-link); padding: 0.25rem 0.5rem; z-index: 10; }
`;

const print = `
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  html { font-size: 10.5pt; background: #ffffff; color: #000000; }
  body { background: #ffffff; color: #000000; }
  main { max-width: none; padding: 0; }
  .skip, button.goto { display: none; }
  nav.contents { break-after: page; }
  section.part { break-before: page; }
  h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, .finding, figure, .clause, dl.fields > div { break-inside: avoid; page-break-inside: avoid; }
  .outcome { break-inside: auto; }
  .table-wrap { overflow: visible; }
  a { color: #000000; }
  a[href^="#"] { text-decoration: none; }
}
`;

const webviewOnly = `
body.vscode-high-contrast .finding, body.vscode-high-contrast th, body.vscode-high-contrast td { border-color: var(--vscode-contrastBorder, #ffffff); }
main { padding-top: 0.75rem; }
[data-line].cs-highlight { outline: 1px dashed var(--cs-focus); outline-offset: 4px; }
`;

export function stylesheet(mode: 'standalone' | 'webview'): string {
  if (mode === 'webview') return `:root {${webviewPalette}}\n${base}\n${webviewOnly}\n${print}`;
  return `:root {${palette}}\n${base}\n${print}`;
}
