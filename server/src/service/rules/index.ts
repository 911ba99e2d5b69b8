import type { Rule } from './types';
import uniqueIds from './structure/unique-ids';
import resolve from './references/resolve';
import frameworkTags from './references/framework-tags';
import tierModel from './references/tier-model';
import frameworkFiles from './references/framework-files';
import exprSyntax from './expressions/syntax';
import exprReferences from './expressions/references';
import exprTypes from './expressions/types';
import exprDates from './expressions/dates';
import exprTargetDirection from './expressions/target-direction';

/** Every rule commspec ships, in the order their findings are listed in the docs. */
export const allRules: readonly Rule[] = [
  uniqueIds,
  resolve,
  frameworkTags,
  tierModel,
  frameworkFiles,
  exprSyntax,
  exprReferences,
  exprTypes,
  exprDates,
  exprTargetDirection,
];
