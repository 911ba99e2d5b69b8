import { parseExpression } from '../grammar/src/index';
for (const [t,k] of [['age > 1 and 5','threshold'],['age + 1','threshold'],['wibble > 1 and (a > ','threshold']] as const) console.log(t, JSON.stringify(parseExpression(t,k).diagnostics), parseExpression(t,k).ast?.type);
