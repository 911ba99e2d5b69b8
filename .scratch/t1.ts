import { parseExpression } from '../grammar/src/parser';
const cases: Array<[string, any]> = [
 ['>= 85% by 2027-03-31','target'], ['<= 2 moves in 12 months','target'], ['reduce by 10% from baseline by 2026-03','target'],
 ['between 40 and 60','target'], ['increase by 5 percentage points from baseline by 2027-03','target'], ['at least 85%','target'], ['at most 3','target'], ['= 0','target'],
 ['age in 11..17 and tier in [high, specialist]','threshold'], ['not (a > 1 or b < 2) and c = 3', 'threshold'],
 ['up to 7% of annual_fee when placement-stability >= 85%','payment'], ['£1,200 per child when tier = high, capped at £250,000 per year','payment'],
 ['count(children where moves <= 2) / count(children)','measure'], ['rate(children where exclusions > 0) per 10000','measure'],
 ['>= 85% by soon','target'], ['>= 85% by','target'], ['<= 2 moves in 12 monthz','target'], ['(a > 1','threshold'], ['a > > 1 and b = 2','threshold'],
 ['85%','target'], ['','measure'], ['a # b', 'threshold'], ['£ 5', 'measure'], ['"abc', 'threshold'], ['>= 85% by 2027', 'target'], ['a < b < c', 'threshold'],
 ['count(children where moves <= ) + 2 foo', 'measure'], ['85 per cent', 'measure'],
];
for (const [t,k] of cases) { const p = parseExpression(t,k); console.log(JSON.stringify(t), '=>', p.ast?.type, JSON.stringify(p.diagnostics.map(d=>[d.code,d.message,t.slice(d.span.start,d.span.end)]))); }
for (const [t,k] of [['>= by 2027-03-31','target'],['a >= and b = 1','threshold'],['reduce by from baseline','target'],['£5 when','payment'],['up to 7% of annual_fee capped at', 'payment'], ['between 3 and', 'target']] as const) { const p = parseExpression(t,k); console.log(JSON.stringify(t), '=>', p.ast?.type, JSON.stringify(p.diagnostics.map(d=>[d.code,d.message,t.slice(d.span.start,d.span.end)]))); }
