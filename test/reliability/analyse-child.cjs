// Analyses one hostile document with the built language service (dist/service.js) in a process of
// its own, and prints the findings, the time taken and what the document could have reached (heap
// growth, globals, Object.prototype) as JSON. Used by hostile.test.ts.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { LanguageService } = require(path.join(__dirname, '..', '..', 'dist', 'service.js'));

const text = readFileSync(process.argv[2], 'utf8');
globalThis.__commspecPwned = undefined;
const before = process.memoryUsage().heapUsed;
const t0 = performance.now();
const analysis = new LanguageService().analyse('/hostile.commspec.yaml', text);
const ms = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    ms,
    heapGrowth: process.memoryUsage().heapUsed - before,
    length: text.length,
    pwned: globalThis.__commspecPwned !== undefined,
    polluted: {}.polluted !== undefined || Object.prototype.polluted !== undefined,
    findings: analysis.findings.map((f) => ({ ruleId: f.ruleId, message: f.message, start: f.offsets.start, end: f.offsets.end })),
  }),
);
