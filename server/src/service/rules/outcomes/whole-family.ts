import { get } from '../../model';
import { defineRule } from '../types';
import { outcomes, text } from '../helpers';

/** The people around the child: parents by any name, grandparents and other relatives, brothers and sisters, kinship carers. */
const familyWords =
  /\b(famil(y|ies)|parents?|parenting|step-?parents?|carers?|mothers?|fathers?|mums?|mummy|dads?|daddy|grand(parents?|mothers?|fathers?|mas?|pas?|ad|dad|dads|children|child|sons?|daughters?)|gran|grans|nans?|nanas?|aunts?|aunties?|uncles?|relatives|brothers?|sisters?|siblings?|household|kinship|special guardians?|connected (persons?|carers?)|birth (mothers?|fathers?|relatives))\b/i;

/** A young carer is the child, caring for someone else: "carers" there is not the family around them. */
const childCarers = /\byoung (adult )?carers?\b/gi;

const aboutFamily = (statement: string) => familyWords.test(statement.replace(childCarers, ''));

export default defineRule({
  meta: {
    id: 'outcomes/whole-family',
    severity: 'hint',
    description: 'Suggests an outcome for the whole family around the child.',
    rationale:
      'Commissioners in the six areas studied said "we also need to look at outcomes for the whole family around a child", and "think family" ran through the cultural commissioning guidance. Most children\'s needs are met or missed at home; an outcome for parents, carers or the family makes a whole-family approach something the contract measures.',
    evidence: ['SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22', 'IDeA 2009, section 3.1 ‘The priorities for children and young people’'],
    kinds: ['specification'],
    strictOnly: true,
    tags: ['outcomes', 'suggestion'],
  },
  check({ model, report }) {
    const all = outcomes(model.value);
    if (all.length === 0) return;
    const family = all.some(({ o }) => ['families', 'parents-and-carers'].includes(get.str(o.beneficiary) ?? '') || aboutFamily(text(o.statement) ?? ''));
    if (family) return;
    report({
      message: "No outcome is about the family around the child: consider one for parents, carers or the whole family (beneficiary: families), for example 'Parents feel confident in managing their child's behaviour'",
      at: { path: ['outcomes'], part: 'key' },
    });
  },
});
