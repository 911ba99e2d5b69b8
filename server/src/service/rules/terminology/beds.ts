import { defineRule } from '../types';
import { findInSource, matchCase, proseScalars } from '../helpers';

/** "beds" preceded by one of these is a real bed, not a placement (multi-word kinds). */
const literal = /\b(tier 4|secure hospital|mental health)\s+$/i;

/** A word that names a kind of bed as furniture: "profiling beds", "single and double beds", "height-adjustable beds". */
const furnitureKind =
  /^(hospital|inpatient|in-patient|psychiatric|nhs|bunk|single|double|twin|king|queen|king-size|king-sized|queen-size|flower|raised|sofa|camp|cot|day|divan|water|air|low|profiling|adapted|adaptive|adjustable|electric|electrically|tilting|tilt|specialised|orthopaedic|ward|trundle|cabin|truckle|fold-away|folding|[a-z]+-(adjustable|style|level|size|sized|height|profiling|operated))$/i;

/** Words that join kinds of bed in one phrase: "single, double or bunk beds". */
const joiner = /^(and|or|,|\/|and\/or)$/i;

/** Counting words before "beds": a number or how many are held, which is how places are counted. */
const counting = /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|few|many|more|fewer|extra|additional|spare|vacant|empty|emergency|crash|respite|block|block-booked|block-purchased|commissioned|purchased|available|funded|residential|solo|staying)$/i;

/** After "beds": who or what the beds are for, or how they are filled: a placement, however counted. */
const placementAfter =
  /^\s*(for\s+(\d|a\b|an\b|the\b|up to|any|each|every|emergency|emergencies|admission|admissions|child|children|young|care|teenagers?|sibling|siblings|boys|girls|people|looked|unaccompanied|disabled|referrals?|local|out-of-area|step-down)|(are|is|were|will be|must be|should be|remain|stay|stand|sit)\s+(never\s+|not\s+|always\s+|often\s+)?(filled|occupied|vacant|empty|available|held|kept|commissioned|purchased|block|reserved|used|taken|offered)|(in|across|within)\s+(children's homes?|(the |our |each |local |a |other )?(homes?|residential|region|sub-region|borough|county|area|framework|units?|service))\b)/i;

/** Furniture, rooms and equipment in the same sentence: the beds are things in a room. */
const furnitureContext =
  /\b(bedrooms?|hoists?|mattress(es)?|bedding|bed linen|linen|duvets?|pillows?|sheets|bed rails|cot sides|furniture|furnished|wardrobes?|desks?|chests? of drawers|changing (benches|bench|tables?|places?|rooms?)|bathrooms?|en-suites?|equipment|sensory room|wet rooms?)\b/i;

export default defineRule({
  meta: {
    id: 'terminology/beds',
    severity: 'hint',
    description: "Speaks of 'placements', not 'beds', for children's homes and foster care.",
    rationale:
      'Stakeholders in the NELCP evaluation noted that "\'beds\' is not the preferred terminology when speaking about placements". A child in a children\'s home is in a placement with a plan, not occupying a bed; the word shapes how a contract counts and fills places. The fix is a pure rename inside the text. Real beds are left alone: hospital and in-patient beds, and beds as furniture (profiling, adapted, height-adjustable, bunk, single or double beds, or beds named among the hoists, bedding and furniture of a room).',
    evidence: ['Ipsos MORI 2019, ‘Co-production’, p. 21'],
    kinds: ['specification', 'framework', 'bid'],
    tags: ['terminology'],
    fixable: true,
  },
  check({ doc, report }) {
    for (const s of proseScalars(doc)) {
      if (!/\bbeds\b/i.test(s.value)) continue;
      const src = doc.text.slice(s.start, s.end);
      for (const hit of findInSource(doc, s, /\bbeds\b/i)) {
        const at = hit.start - s.start;
        // the sentence the word stands in
        const from = Math.max(0, ...[...src.slice(0, at).matchAll(/[.!?;](?=\s)/g)].map((m) => m.index! + 1));
        const stop = /[.!?;](\s|$)/.exec(src.slice(hit.end - s.start));
        const before = src.slice(from, at);
        const after = src.slice(hit.end - s.start, stop ? hit.end - s.start + stop.index : undefined);
        if (literal.test(before)) continue;
        // walk back over the words that describe these beds: "ceiling hoists and profiling beds"
        const words = before.match(/[\w'’/-]+|,/g) ?? [];
        let kind = false;
        let counted = false;
        for (let i = words.length - 1; i >= 0; i--) {
          const w = words[i];
          if (furnitureKind.test(w)) kind = true;
          else if (joiner.test(w)) continue;
          else if (counting.test(w) || (/^(of|to)$/i.test(w) && /^(number|up)$/i.test(words[i - 1] ?? ''))) {
            counted = true;
            continue;
          } else break;
        }
        if (kind) continue;
        const placement = placementAfter.test(after);
        const furniture = furnitureContext.test(before + ' ' + after);
        // beds in a room with hoists and bedding are furniture, unless they are plainly held for children
        if (furniture && !placement) continue;
        const replacement = matchCase(hit.match[0], 'placements');
        report({
          message: `Say '${replacement}', not '${hit.match[0]}': children are in placements with a plan, not beds`,
          at: { start: hit.start, end: hit.end },
          // a rename is safe where the beds are plainly places held or counted for children
          fix: { title: `Change to '${replacement}'`, edits: [{ start: hit.start, end: hit.end, newText: replacement }], safe: placement || counted },
        });
      }
    }
  },
});
