import { get } from '../../model';
import { defineRule } from '../types';
import { text } from '../helpers';
import { firstMatch, sentenceAt, textsUnder } from '../sense/prose';
import type { SourceDocument } from '../../document';

const leadWords = /\b(designated (?:safeguarding |senior |child protection )?(?:lead|officer|person|manager|member of staff)|safeguarding (?:lead|officer|manager|champion)|DSL|DSO|named (?:safeguarding )?(?:lead|person|manager) for safeguarding|registered manager)\b/i;
const deputyWords = /\b(deput(?:y|ies|ise|ises|ising)|alternate|second(?:ary)? (?:lead|designated)|back-?up (?:lead|designated)|in (?:their|his|her|the lead'?s|the DSL'?s) absence|when (?:they are|the lead is) (?:away|absent|unavailable)|(?:cover|covers|covered) (?:for )?(?:the lead|their absence|absences))\b/i;

const everyDeputy = new RegExp(deputyWords.source, 'gi');

/**
 * A deputy named in the workforce, requirements or governance sections counts only when the same
 * sentence is about safeguarding: a 'deputy manager' or 'deputy director' alone is not a deputy lead.
 */
function deputyElsewhere(doc: SourceDocument): boolean {
  for (const s of textsUnder(doc, 'requirements', 'workforce', 'governance')) {
    for (const m of s.value.matchAll(everyDeputy)) {
      if (/safeguard|child protection|designated|\bDSL\b/i.test(sentenceAt(s.value, m.index).text)) return true;
    }
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'safeguarding/designated-lead',
    severity: 'warning',
    description: 'Safeguarding names a designated safeguarding lead (a role or a person) and a deputy.',
    rationale:
      'Working Together to Safeguard Children 2023 expects every organisation working with children to have a designated safeguarding lead that staff know to go to. Commissioning itself showed the risk of relying on one person: when a key officer left, the work stalled. A concern raised on the lead\'s day off must still reach someone with the authority to act the same day, so the lead needs a named deputy.',
    evidence: ['Working Together to Safeguard Children 2023', 'PwC 2011, ‘Engagement with the programme’, p. 46', 'Ipsos MORI 2019, ‘Local authority and service provider engagement’, p. 24'],
    kinds: ['specification'],
    tags: ['safeguarding'],
  },
  check({ doc, model, report }) {
    const sg = get.obj(model.value.safeguarding);
    if (!sg || Object.keys(sg).length === 0) return;
    const lead = text(sg.designated_lead);
    const leadSaid = lead ?? firstMatch(doc, leadWords, 'safeguarding', 'requirements', 'workforce')?.match[0];
    if (!leadSaid) {
      report({
        message: 'Safeguarding names no designated safeguarding lead: add designated_lead: with the role (or person) staff go to with a concern, and deputy_lead: with who covers in their absence',
        at: { path: ['safeguarding'], part: 'key' },
      });
      return;
    }
    if (text(sg.deputy_lead) || firstMatch(doc, deputyWords, 'safeguarding') || deputyElsewhere(doc)) return;
    report({
      message: 'The designated safeguarding lead has no deputy: add deputy_lead: with the role that acts when the lead is away, so a concern is never left waiting',
      at: sg.designated_lead !== undefined ? { path: ['safeguarding', 'designated_lead'], part: 'key' } : { path: ['safeguarding'], part: 'key' },
    });
  },
});
