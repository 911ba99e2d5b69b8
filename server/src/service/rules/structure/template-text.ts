import { defineRule } from '../types';
import { textScalars } from '../helpers';

// Words a template or a draft leaves for someone to fill in. Matched on whole values or at their start
// ('Replace with the title of …'), or as a marker anywhere ('[TBC]', 'TODO:', 'lorem ipsum'), so that
// prose that merely mentions replacing something ('replace the current contract') is left alone.
const startsAsPlaceholder = /^\s*(?:replace (?:this |it )?with\b|insert\b[^.]{0,40}\bhere\b|add (?:your|the) [^.]{1,40} here\b|enter (?:your|the) [^.]{1,40} here\b|to be (?:confirmed|completed|added|written|agreed)\s*\.?\s*$|(?:tbc|tba|tbd|todo|xxx+|\?+)\s*\.?\s*$)/i;
const markerAnywhere = /\b(?:lorem ipsum|dolor sit amet)\b|\[(?:tbc|tba|tbd|todo|insert[^\]]{0,40}|replace[^\]]{0,40}|name|date|xx+)\]|<(?:insert|replace|name|date|council|provider)[^>]{0,40}>|\bTODO\b:?|\bFIXME\b|\bXXX\b/i;

export default defineRule({
  meta: {
    id: 'structure/template-text',
    severity: 'error',
    description: 'No template or placeholder text is left ("Replace with …", TODO, TBC, lorem ipsum).',
    rationale:
      'A specification starts from a template (commspec init writes one), and a bid from a scaffold. A tender published with "Replace with the title of the needs assessment" or "TBC" in it tells bidders nothing, and a bid that says "TBC" has not answered. The template is not done until the words are changed, so unreplaced text is an error and a fresh template never lints clean.',
    evidence: ['DOMAIN.md section 1: procurement officers lint every specification before it is published, "nothing goes out without outcomes, indicators, safeguarding and a sound award model"'],
    kinds: ['specification', 'framework', 'bid'],
    tags: ['structure', 'drafting'],
  },
  check({ doc, model, report }) {
    for (const s of textScalars(doc)) {
      const last = s.path[s.path.length - 1];
      // a bid's participation placeholder is bids/participation's to report, with its own advice
      if (model.kind === 'bid' && s.path[0] === 'participation') continue;
      if (typeof last === 'string' && ['id', 'kind', 'commspec', 'status'].includes(last)) continue;
      const m = startsAsPlaceholder.exec(s.value) ?? markerAnywhere.exec(s.value);
      if (!m) continue;
      const where = s.path.filter((p) => typeof p === 'string').join('.');
      report({
        message: `'${where}' still holds template text ('${m[0].trim().slice(0, 40)}'): write what this document needs here, or remove the line`,
        at: { start: s.start, end: s.end },
      });
    }
  },
});
