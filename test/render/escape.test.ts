import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attr, esc } from '../../server/src/service/render/escape';
import { renderHtml } from '../../server/src/service/render/html';
import { analyseText, escaped, markupProblems } from './helpers';
import { bidWith, frameworkWith, payloads, specificationWith, yamlOf } from './payloads';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA';
const kinds = { specification: specificationWith, framework: frameworkWith, bid: bidWith } as const;

describe('esc and attr', () => {
  it('escape every character that could open markup or end an attribute', () => {
    expect(esc(`<a href="x" onclick='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    expect(attr('a\nb"c')).toBe('a&#10;b&quot;c');
  });

  it('replace characters HTML cannot carry, including the renderer’s own marker', () => {
    expect(esc('a\u0000b\u0007c\uFFFEd\uD800e')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(esc('emoji 😀 stays')).toBe('emoji 😀 stays');
  });
});

describe('document text never becomes markup', () => {
  for (const [kind, make] of Object.entries(kinds)) {
    describe(kind, () => {
      payloads.forEach((payload, i) => {
        it(`payload ${i + 1}: ${JSON.stringify(payload).slice(0, 60)}`, () => {
          const analysis = analyseText(yamlOf(make(payload)), `payload-${kind}-${i}.commspec.yaml`);
          expect(analysis.model.kind).toBe(kind);
          for (const mode of ['standalone', 'webview'] as const) {
            const html = renderHtml(analysis, { mode, nonce: NONCE, cspSource: 'https://ok.example' });
            expect(markupProblems(html, mode === 'webview' ? 1 : 0)).toEqual([]);
            if (/[<>"]/.test(payload)) expect(html).not.toContain(payload);
            // the text is still there, escaped, where the reader expects it
            const shown = escaped(payload.replace(/\u0000/g, '\uFFFD'));
            expect(html).toContain(`<h1>${shown} title</h1>`);
            expect(html).toContain(`<title>${shown} title</title>`);
          }
        });
      });
    });
  }

  it('escapes expressions as written', () => {
    const payload = `<script>window.__pwned=1</script>`;
    const analysis = analyseText(yamlOf(specificationWith(payload)), 'expr.commspec.yaml');
    const html = renderHtml(analysis, { mode: 'standalone' });
    for (const where of ['target', 'measure', 'threshold', 'rule', 'cap']) {
      expect(html).toContain(`<code class="expr">${escaped(payload)} ${where}</code>`);
    }
  });

  it('holds for any text in any field (property)', () => {
    const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(anyText, fc.constantFrom(...Object.keys(kinds)) as fc.Arbitrary<keyof typeof kinds>, (s, kind) => {
        const analysis = analyseText(yamlOf(kinds[kind](s)), 'property.commspec.yaml');
        const html = renderHtml(analysis, { mode: 'webview', nonce: NONCE });
        expect(markupProblems(html, 1)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
