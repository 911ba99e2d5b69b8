// Does a sentence about children's, young people's, parents' or carers' participation give them a say
// that counts (shaping), or only tell them things, ask for their satisfaction, or hear them after the
// decisions are made (informing)?
//
// DOMAIN.md §3 and §7b: participation means "service shaping, governance and its evaluation" and
// assessing bids (Ipsos MORI 2019, ‘Project activities’, p. 12), youth boards deciding budgets (IDeA 2009, section 3.2.2 ‘Children and Young People are involved in the process’). "Young people
// will be informed of decisions" is consultation after the fact.
//
// Named signals with weights, as in classify.ts. A sentence is `informing` when its informing score
// reaches THRESHOLD and beats its shaping score, `shaping` when its shaping score reaches THRESHOLD and
// is at least its informing score, and `unclear` otherwise, including when it does not talk about
// participation at all. `informing` is the defect a rule reports, so ties go to `shaping`: a false alarm
// teaches a commissioner to ignore the check.

import { normalise, quote, re, score, type Signal } from './signals';

export type ParticipationLevel = 'shaping' | 'informing' | 'unclear';

export interface ParticipationJudgement {
  level: ParticipationLevel;
  /** The signals that decided it, strongest first, as phrases for a commissioner. */
  reasons: string[];
  shapingScore: number;
  informingScore: number;
}

export const THRESHOLD = 2;

/** The people whose participation is judged, and the groups they form. */
const who =
  "(?:children|child|young people|young person|young carers|young adults|care leavers|care-experienced|parents?|carers?|fathers|mothers|dads|mums|famil(?:y|ies)|service users|pupils|youth|young (?:advisers|inspectors|commissioners|evaluators|assessors|researchers)|peer (?:researchers|evaluators)|children in care councils?|youth (?:council|board|forum|panel|parliament)|parent carer forum|lived experience)";

const group = '(?:board|panel|group|forum|council|committee|steering group|reference group|sub-group|parliament|team)';

const shapingSignals: Signal[] = [
  {
    id: 'co-production',
    weight: 3,
    test: re(`\\b(co-?(?:design|designed|designing|produce|produced|production|producing|author|authored|chair|chairs|chaired|facilitate|create|created)|jointly (?:set|design|agree|develop)|carried out jointly|equal (?:members|partners)|partners in (?:the )?(?:design|designing|planning|review))`),
    because: (m) => `they work as partners (${quote(m[1])})`,
  },
  {
    id: 'member-of-decision-body',
    weight: 3,
    test: re(`\\b((?:sit|sits|sat|sitting) on (?:the |a |an |each )?(?:[\\w'-]+ ){0,3}?${group}|(?:members?|voting members?|representatives?) (?:of|on) (?:the |a |an |each )?(?:[\\w'-]+ ){0,3}?${group}|(?:includes?|including) (?:two|three|\\d+|a|an) (?:[\\w-]+ ){0,2}?(?:young people|parents|carers|care leavers|young person|parent)|half of whose members|voting rights|(?:join|joins) the (?:[\\w-]+ ){0,2}?${group})`),
    because: (m) => `they have a seat where decisions are made (${quote(m[1])})`,
  },
  {
    id: 'assess-bids',
    weight: 3,
    test: re(`\\b((?:assess(?:ed|es|ing)?|scor(?:e|ed|es|ing)|evaluat(?:e|ed|ing)|moderat(?:e|ed|ion)|interview(?:ed|s)?|select(?:ed|ing|ion of)?) (?:the )?(?:[\\w-]+ ){0,2}?(?:bids?|tenders?|method statements?|presentations|providers?|bidders?)|(?:bid|tender) (?:evaluation|assessment) panel|selecting the provider|award(?:ing)? the contract|weighted in the award|counted for \\d+%|tender questions|the (?:[\\w-]+ ){0,2}?question)\\b`),
    because: (m) => `they help choose the provider (${quote(m[1])})`,
  },
  {
    id: 'recruit-staff',
    weight: 3,
    test: re(`\\b((?:recruit(?:ing|ment of)?|interview(?:ing)?|appoint(?:ing)?) (?:and train )?(?:the )?(?:[\\w-]+ ){0,2}?(?:staff|workers|managers?|post|youth workers|next group)|interview panels?|job descriptions|person specifications)\\b`),
    because: (m) => `they help recruit staff (${quote(m[1])})`,
  },
  {
    id: 'decide',
    weight: 3,
    test: re(`\\b((?:decide|decides|decided|deciding|decision on|allocate|allocates|approve|approves|veto|vote on|vote|votes|sign off|set|sets|setting|agree|agreed|choose|chose|propose and vote on) (?:how|which|what|on|the|one|its|next|priorities|targets|budget|proposals|[\\w-]+ priorities)\\b(?:[^.;]{0,40})|(?:take|takes|took|taking) part in (?:all|every) (?:decisions?|decision)|power to change|final recommendation|make the final|budget holders|(?:give|given) (?:a|the) budget|commission activities)`),
    because: (m) => `they decide something (${quote(m[1].slice(0, 50))})`,
  },
  {
    id: 'evaluate-research',
    weight: 3,
    test: re(`\\b(peer (?:researchers?|research|evaluators?|inspectors?)|young (?:inspectors|evaluators|researchers|commissioners|assessors|advisers)|mystery shoppers?|(?:lead|leads|led|design|designing|carry out|carried out|run|running) (?:the )?(?:design of the )?(?:annual )?evaluation|help evaluate|evaluat(?:e|ing) the service|(?:designing|design) and running|set the success measures|quality assurance panel|contract monitoring|monitoring visits|hold (?:the provider|them|providers) to account|review(?:ing)? (?:its|the provider's|the) (?:[\\w-]+ ){0,2}?performance)\\b`),
    because: (m) => `they evaluate or hold the service to account (${quote(m[1])})`,
  },
  {
    id: 'shape-design',
    weight: 2,
    test: re(`\\b((?:help|helped|helps|will) (?:to )?(?:shape|shaped|design|designed|write|wrote|draft|drafted|draw up|decide|set|choose)|shap(?:e|ed|es|ing) (?:the )?(?:service|specification|tender|offer)|service shaping|involved in (?:designing|deciding|the design|setting|selecting|recruiting|how the service is run)|(?:designing|design of|redesign) the (?:[\\w-]+ ){0,2}?(?:service|model|offer|layout|group)|chose the|set (?:its|the) opening|propose(?:d)? changes|contributed to the needs assessment|set the priorities|became the outcomes|changed the service|work with commissioners to set)\\b`),
    because: (m) => `they shape the service (${quote(m[1])})`,
  },
  {
    id: 'before-decisions',
    weight: 2,
    test: re(`\\b(before (?:any change|the (?:outcomes|contract|specification|decision)|it (?:was|is|goes|has been) (?:drafted|published|issued|let|approved|agreed|to the board)|decisions? (?:are|is) made)|from the outset|not only (?:once|after|when) decisions|(?:must|will) (?:act on|respond to|answer)|receive a written response|agree (?:it|them|the actions|next year's)|agree (?:the )?changes|changes agreed with them)`),
    because: (m) => `their say comes before the decision and must be answered (${quote(m[1])})`,
  },
];

const informingSignals: Signal[] = [
  {
    id: 'told',
    weight: 3,
    test: re(`\\b((?:be|been|are|is|were|kept) (?:\\w+ly )?(?:informed|told|notified|updated|made aware|kept (?:updated|informed|up to date))|kept (?:updated|informed|up to date)|keep (?:them |families |parents |young people |the [\\w ]{1,30}? )?(?:informed|updated|up to date)|update the (?:[\\w-]+ ){0,4}?(?:council|forum|board)|(?:tell|tells) (?:young people|children|parents|families|them)|will be communicated|(?:circulated|distributed|sent out) to|(?:explain|explaining|explained) (?:the|to|what)|write to|sent an (?:email|e-mail)|by letter|information (?:about|session)|shared with (?:young people|children|parents|families|the provider)|will be shown|(?:will be |be |were )(?:given|sent) (?:information|a copy|a summary|a leaflet|an update)|(?:receive|given) (?:a|an) (?:[\\w-]+ )?(?:leaflet|pack|newsletter|copy))\\b`),
    because: (m) => `they are told, not asked (${quote(m[1])})`,
  },
  {
    id: 'publicity',
    weight: 2,
    test: re(`\\b(newsletters?|leaflets?|welcome pack|posters?|annual report|publish(?:es|ed)? (?:the |an |its )?(?:[\\w-]+ ){0,2}?(?:report|results)|made aware of the service|display(?:ed)? (?:the results|in)|signposted to the feedback|on (?:its|the council's|the) website|through the app)\\b`),
    because: (m) => `it is publicity or information (${quote(m[1])})`,
  },
  {
    id: 'feedback-only',
    weight: 2,
    test: re(`\\b((?:satisfaction|exit|have your say|customer satisfaction|annual|online|tablet-based|short) (?:survey|questionnaire)s?|(?:feedback|views|opinions|comments|compliments) (?:will|may|can|is|are)? ?(?:be )?(?:collected|captured|gathered|recorded|sought|shared|noted|considered)|suggestion box|feedback (?:form|page)|give feedback|for feedback|smiley faces|rate each|focus group (?:once|a year)|once a year to hear|what (?:they|young people) think|(?:can|able to) (?:comment|tell staff)|invited to (?:share|comment)|which the provider will note|whether they liked)`),
    because: (m) => `it collects views with no stated influence (${quote(m[1])})`,
  },
  {
    id: 'after-decision',
    weight: 3,
    test: re(`\\b((?<!not only )(?:after|once|when) (?:it|the (?:[\\w-]+ ){0,3}?|they|decisions|the decision|a decision) ?(?:has|have|had|is|are)? ?(?:been )?(?:made|awarded|approved|agreed|published|launched|commissioned|redesigned|in place|finished|begins|let)|the finished|(?:is|are|were) agreed and|the outcome of the (?:tender|review|consultation)|(?:decisions?|decision) (?:will )?rests? (?:with|elsewhere)|not bound by|at the end of the contract|in due course)\\b`),
    because: (m) => `they are heard only after the decision (${quote(m[1])})`,
  },
  {
    id: 'hedged',
    weight: 2,
    test: re(`\\b((?:views|feedback) (?:may|might|could) be|may (?:seek|ask|be invited)|where (?:possible|appropriate)|if time allows|from time to time|should consider|consider the views|informally|views will be considered|(?:survey|questionnaire)s? only|only (?:be )?(?:asked|told|informed))`),
    because: (m) => `it is hedged (${quote(m[1])}), so nothing need happen`,
  },
  {
    id: 'tokenism',
    weight: 3,
    test: re(`\\b(cut the ribbon|celebration event|(?:quote|stories|story|photograph) (?:will )?(?:be )?(?:included|feature|featured|used) (?:on|in)|marketing materials|front cover|to hear about progress)\\b`),
    because: (m) => `it is tokenism (${quote(m[1])})`,
  },
  {
    id: 'not-involved',
    weight: 4,
    test: re(`\\b((?:will|are|is|were) not (?:be )?(?:involved|consulted|asked)|no (?:role|say|part) in)\\b`),
    because: (m) => `it says they take no part (${quote(m[1])})`,
  },
  {
    id: 'consulted',
    weight: 1,
    test: re(`\\b(consult(?:ed|ation)?|views of|asked to)\\b`),
    because: (m) => `it speaks of consultation (${quote(m[1])}) without saying what it changes`,
  },
];

const mentionsWho = re(`\\b${who}\\b`);
const selfEvident = new Set(['feedback-only', 'co-production', 'evaluate-research', 'tokenism']);

/** Judges one sentence or short paragraph. Pure and deterministic. */
export function judgeParticipation(text: string): ParticipationJudgement {
  const s = normalise(text);
  const shaping = score(shapingSignals, s);
  const informing = score(informingSignals, s);
  // Feedback forms and co-design are about participation whoever is named; other signals need a who.
  const about = mentionsWho(s) !== null || [...shaping.fired, ...informing.fired].some((f) => selfEvident.has(f.id));
  let level: ParticipationLevel = 'unclear';
  if (about || shaping.total + informing.total >= 2 * THRESHOLD) {
    if (informing.total >= THRESHOLD && informing.total > shaping.total) level = 'informing';
    else if (shaping.total >= THRESHOLD && shaping.total >= informing.total) level = 'shaping';
  }
  const reasons =
    level === 'informing' ? informing.fired.map((f) => f.why) : level === 'shaping' ? shaping.fired.map((f) => f.why) : [];
  return { level, reasons, shapingScore: shaping.total, informingScore: informing.total };
}

/** The signals, for a rule's documentation. */
export const participationSignals = {
  shaping: shapingSignals.map((s) => ({ id: s.id, weight: s.weight })),
  informing: informingSignals.map((s) => ({ id: s.id, weight: s.weight })),
};
