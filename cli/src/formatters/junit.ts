import type { Finding } from '../../../server/src/service/findings';
import { relativePath, type Formatter } from './types';

/**
 * JUnit XML, read by Jenkins (junit step), GitLab (artifacts:reports:junit) and Azure DevOps (PublishTestResults):
 * one test suite per file; one test case per finding (errors and warnings fail, suggestions pass with a note),
 * or a single passing test case for a file with no findings.
 */

/** Characters XML 1.0 cannot hold at all (most control characters, lone surrogates) are dropped. */
const invalidXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(invalidXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Text content keeps its line breaks; only markup characters need escaping. */
function xmlText(text: string): string {
  return text.replace(invalidXml, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const failing = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

export const junit: Formatter = (results, ctx) => {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const r of results) {
    const file = relativePath(ctx, r.filePath);
    const cases: string[] = [];
    let suiteFailures = 0;
    if (r.findings.length === 0) {
      cases.push(`    <testcase name="${xmlEscape(`${file} has no problems`)}" classname="${xmlEscape(file)}" file="${xmlEscape(file)}" time="0"/>`);
    }
    for (const f of r.findings) {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      // The message makes names unique within a suite (CI tools merge test cases that share a name).
      const name = xmlEscape(`${where} ${f.ruleId}: ${f.message}`);
      const head = `    <testcase name="${name}" classname="${xmlEscape(file)}" file="${xmlEscape(file)}" line="${f.range.start.line + 1}" time="0">`;
      const detail = xmlText(`${file}:${where}\n${f.severity}: ${f.message}\nrule: ${f.ruleId}${ctx.rules.get(f.ruleId)?.helpUri ? `\nhelp: ${ctx.rules.get(f.ruleId)!.helpUri}` : ''}`);
      if (failing(f)) {
        suiteFailures++;
        cases.push(`${head}\n      <failure type="${xmlEscape(f.severity)}" message="${xmlEscape(f.message)}">${detail}</failure>\n    </testcase>`);
      } else {
        cases.push(`${head}\n      <system-out>${detail}</system-out>\n    </testcase>`);
      }
    }
    const count = Math.max(1, r.findings.length);
    tests += count;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${xmlEscape(file)}" tests="${count}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  out.push(`<testsuites name="commspec" tests="${tests}" failures="${failures}" errors="0" time="0">`);
  for (const s of suites) out.push(s);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
