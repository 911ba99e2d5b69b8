// A small, transparent classifier: does an "outcome" statement describe a change for children,
// families or the workforce (an outcome), or something a provider does, delivers or counts (an output)?
//
// It scores a handful of named signals. Each signal is a readable pattern with a weight and a phrase
// that explains it to a commissioner. A statement is an output when its output score reaches
// OUTPUT_THRESHOLD and beats its change score. When in doubt it says "outcome": a false alarm teaches a
// commissioner to ignore the check, so precision matters more than recall.
//
// Built on SHM 2009, section 1 ‘Starting Points for the Support Programme’, p. 5; section 3 ‘Common Calls for Support’, p. 19; section 3.3 ‘The Elusive Nature of Outcomes’, p. 22; PwC 2011, ‘Summary of programme lifecycle’, p. 9; ‘Engagement with the programme: Impact on services’; IDeA 2009, section 2.2.3 ‘Communication’ and DOMAIN.md section 3.

export interface Signal {
  id: string;
  weight: number;
  /** Explains the signal in a message: "it starts with 'Deliver', a verb of delivery". */
  because: (m: RegExpExecArray) => string;
  test: (s: string) => RegExpExecArray | null;
}

export interface Classification {
  label: 'output' | 'outcome';
  outputScore: number;
  changeScore: number;
  /** The output signals that fired, strongest first, as phrases. */
  outputReasons: string[];
  changeReasons: string[];
}

export const OUTPUT_THRESHOLD = 2;

const re = (source: string, flags = 'i') => {
  const r = new RegExp(source, flags);
  return (s: string) => {
    r.lastIndex = 0;
    return r.exec(s);
  };
};

const beneficiary =
  "(?:children|child|young people|young person|pupils|students|babies|infants|families|family|parents|parent|mothers|fathers|carers|care leavers|adolescents|teenagers|girls|boys|victims|survivors|siblings|residents|learners|young women|young men|young carers|looked[- ]after children|staff|practitioners|workers|commissioners|professionals|foster carers|social workers|teachers|workforce)";

/** Verbs a provider or commissioner does: delivery, setting up, counting, promoting. */
const deliveryVerbs =
  'deliver|provide|run|hold|offer|establish|commission|distribute|set up|publish|fund|complete|organise|organize|host|recruit|launch|create|produce|implement|procure|purchase|buy|supply|equip|appoint|arrange|coordinate|co-ordinate|undertake|carry out|conduct|operate|employ|build|design|develop (?:a|an|the)|introduce|roll out|award|tender|hire|train|raise awareness|promote|publicise|advertise|signpost|map|review|maintain (?:a|an|the)|open|staff|support the delivery|ensure (?:that )?(?:a|an|the|there|all|every)|make available|work with|engage|contact|visit|assess|screen|refer|collect|record|report|monitor|distribute|send|give|allocate|manage|administer|facilitate|convene|put in place|write|produce|update|agree|sign|negotiate';

/** Things counted when activity is measured: the service-driven indicators of SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22. */
const activityNouns =
  '(?:sessions?|visits?|events?|workshops?|courses?|classes|activities|groups?|meetings?|contacts?|referrals?|places|beds|hours|appointments?|leaflets?|campaigns?|attendances?|attendees|participants|enrolments?|registrations?|assessments completed|plans completed|training (?:sessions|courses|events)|consultation events|page views|downloads)';

const outputSignals: Signal[] = [
  {
    id: 'delivery-verb-first',
    weight: 3,
    test: re(`^\\s*(?:to\\s+)?(${deliveryVerbs})\\b`),
    because: (m) => `it starts with '${cap(m[1])}', a verb of delivery`,
  },
  {
    id: 'increase-activity',
    weight: 3,
    test: re(`^\\s*(?:to\\s+)?(?:increase|raise|grow|boost|maximise|improve)\\s+(?:the\\s+)?(?:number of\\s+)?(visits|attendance|awareness|participation|take-up|uptake|reach|footfall|engagement|referrals|numbers attending|usage|use of)\\b`),
    because: (m) => `it asks for more ${m[1].toLowerCase()}, which counts activity rather than change`,
  },
  {
    id: 'count-of-activity',
    weight: 2,
    test: re(`\\b((?:number|numbers|count|total) of (?:[\\w-]+ ){0,3}${activityNouns}|\\d[\\d,]*\\+? (?:[\\w-]+ ){0,2}${activityNouns})\\b`),
    because: (m) => `it counts activity ('${m[1]}')`,
  },
  {
    id: 'passive-process',
    weight: 2,
    test: re(
      `\\b(?:is|are|be|been|get|gets)\\s+(?!not\\b)(?:\\w+ly\\s+)?(delivered|provided|established|awarded|sent|sent out|used|offered|filled|recorded|consulted|signposted|published|commissioned|set up|issued|allocated|procured|tendered|run|held|hosted|distributed|circulated|produced|implemented|launched|agreed|signed|completed|put in place|in place|offered|invited|given access|given a copy of|contacted|screened|convened|audited|acknowledged|allocated)\\b`,
    ),
    because: (m) => `it says something is ${m[1].toLowerCase()}, a step in running the service`,
  },
  {
    id: 'thing-in-place',
    weight: 2,
    test: re(`\\b((?:plan|policy|agreement|team|process|protocol|package|procedure|pathway|strategy|board|service|system|resource|framework|contract)s?\\b[^.]{0,40}?\\bin place|(?:has|have) an? (?:[\\w-]+ ){0,3}(?:plan|assessment|review)\\b)`),
    because: (m) => `it asks for something to exist ('${m[1]}'), not for a change it brings`,
  },
  {
    id: 'access-or-offer',
    weight: 2,
    test: re(`\\b((?:have|has|gain|given|improve[sd]?|increase[sd]?|better) access to|are offered|is offered|take[- ]up of|uptake of|takes? up (?:the )?(?:[\\w-]+ ){0,2}(?:offer|places?|service|entitlement)|signposted)\\b`),
    because: (m) => `it is about access to the service ('${m[1]}'), not what changes once children use it`,
  },
  {
    id: 'waiting-time',
    weight: 2,
    test: re(`\\b(within (?:\\w+|\\d+) (?:working )?(?:days?|hours?|weeks?)|within (?:the )?statutory timescales?|waiting (?:times?|lists?)|waits? (?:more|longer) than (?:\\w+|\\d+) (?:working )?(?:days?|hours?|weeks?))\\b`),
    because: (m) => `it sets a timescale for the service ('${m[1]}'), a measure of process`,
  },
  {
    id: 'training-completed',
    weight: 2,
    test: re(`\\b((?:complete|completes|completed|attend|attends|receive|receives|undertake|undertakes|are trained|is trained|have been trained)\\s+(?:[\\w-]+\\s+){0,3}training)\\b`),
    because: (m) => `it counts training done ('${m[1]}'), not what staff can now do`,
  },
  {
    id: 'reach-promote',
    weight: 2,
    test: re(`\\b(reach(?:es|ed)? \\d+%?|reach(?:es)? (?:all|every|more|\\d)|raise awareness|awareness (?:of|among|raised)|promote[sd]?|publicise[sd]?|visit (?:the|a|their) (?:home|venue|service|centre|museum|gallery|library|provision)|are consulted|views are (?:recorded|sought|gathered|collected))\\b`),
    because: (m) => `it measures reach or promotion ('${m[1]}')`,
  },
  {
    id: 'provider-delivers',
    weight: 3,
    test: re(`^\\s*(?:the|a|an|each|every|our)\\s+(?:[\\w-]+\\s+){0,3}(?:service|provider|council|authority|commissioner|team|programme|project|hub|organisation)s?\\s+(?:will\\s+|must\\s+|should\\s+)?((?:deliver|provide|offer|run|hold|operate|open|employ|recruit|host|organise|fund|commission|publish|distribute|reach|see|support|work with|visit|contact|assess)(?:s|es)?)\\b`),
    because: (m) => `it says what the service does ('${m[1]}')`,
  },
  {
    id: 'take-part',
    weight: 2,
    test: re(`\\b((?:take|takes|took) part in (?:the |a |an )?(?:[\\w-]+ ){0,2}(?:sessions?|programme|groups?|activities|service|course|club|events?|workshops?)|participate in (?:the |a |an )?(?:[\\w-]+ ){0,2}(?:sessions?|programme|groups?|activities|service|course|club|events?)|attend(?:s|ed|ance at)? (?:the |a |an |their )?(?:[\\w-]+ ){0,2}(?:sessions?|programme|groups?|activities|course|club|events?|workshops?|appointments?|clinics?)|(?:use|uses|access|accesses|engage with|engages with) the service|complete (?:the|a) (?:[\\w-]+ ){0,2}(?:programme|course)|(?:are|is) (?:seen|referred|assessed|allocated|visited|supported) (?:by|to|within|through)|receive(?:s|d)? (?:a|an|the|\\d|at least|support|help|services?|visits?|sessions?|a service))\\b`),
    because: (m) => `it counts use of the service ('${m[1]}'), not what changes because of it`,
  },
  {
    id: 'available',
    weight: 2,
    test: re(`\\b((?:is|are) (?:made )?available|open (?:\\w+ )?(?:days|hours|evenings)|opening hours|capacity (?:of|for)|caseloads?)\\b`),
    because: (m) => `it describes what the service makes available ('${m[1]}')`,
  },
  {
    id: 'compliance',
    weight: 2,
    test: re(`\\b(compl(?:y|ies|iance) with|in (?:accordance|line) with (?:the )?(?:policy|procedures?|regulations?|standards?|guidance)|meets? (?:the )?(?:[\\w-]+ ){0,2}(?:standards|regulations|requirements)|registered with|rated (?:good|outstanding)|ofsted)\\b`),
    because: (m) => `it is about compliance ('${m[1]}'), which a contract requires rather than an outcome achieves`,
  },
  {
    id: 'provider-subject',
    weight: 1,
    test: re(`^\\s*(?:the|a|an|each|every|our)\\s+((?:[\\w-]+\\s+){0,3}(?:service|provider|council|authority|authorities|commissioner|team|tender|contract|process|partnership|board|programme|project|hub|organisation|brokerage))\\b`),
    because: (m) => `its subject is ${m[1].toLowerCase()}, not the children or families it serves`,
  },
];

const changeSignals: Signal[] = [
  {
    id: 'comparative-change',
    weight: 2,
    test: re(`\\b(fewer|less|lower|higher|better|worse|improv(?:e|es|ed|ing|ement)|reduc(?:e|es|ed|tion)|halve[sd]?|doubles?|decreas(?:e|es|ed)|ris(?:e|es)|fall(?:s)?|more (?:able|confident|resilient|skilled|stable|settled|independent|likely|engaged in (?:learning|education|school)|positive|aspirational|secure|included)|no longer|increase(?:s|d)? in (?:their )?(?:wellbeing|well-being|confidence|resilience|attainment|attendance at school|self-esteem|skills))\\b`),
    because: (m) => `it describes a change ('${m[1]}')`,
  },
  {
    id: 'beneficiary-state',
    weight: 2,
    test: re(
      `\\b${beneficiary}\\b(?:\\s+[\\w'-]+){0,8}?\\s+(feel|feels|live|lives|stay|stays|keep|keeps|achieve|achieves|attain|attains|sleep|sleeps|drink|drinks|smoke|smokes|gain|gains|thrive|thrive|are safe|is safe|are healthy|are happy|get on|do better|does better|start breastfeeding|start college|start school|remain|remains|return to|learn|learns|recover|recovers|quit|stop|stops|succeed|succeeds|report feeling|reports feeling|say they|are (?:more|less|able|still)|is (?:more|less|able|still)|are not|do not|have (?:better|higher|lower|fewer|more|stable|safe|good|improved)|are involved|attend school|attends school|reach a good level|move into|enter (?:education|employment|work))\\b`,
    ),
    because: (m) => `it says what ${experiencer(m[0])} ('${m[1]}')`,
  },
  {
    id: 'wellbeing-state',
    weight: 1,
    test: re(`\\b(well-?being|resilien(?:t|ce)|confiden(?:t|ce)|aspirations?|attainment|literacy|numeracy|development|safe|safety|stable|stability|self-esteem|relationships|mental health|emotional|behaviour(?:al)?|health(?:y|ier)?|independen(?:t|ce)|employment|homeless(?:ness)?|obes(?:e|ity)|offending|exclusions?|absen(?:t|ce)|bullied|abuse|exploitation)\\b`),
    because: (m) => `it names a condition of children's lives ('${m[1]}')`,
  },
  {
    id: 'inclusion',
    weight: 2,
    test: re(`\\b(alongside (?:other|their) (?:children|young people|peers)|in mainstream|mainstream (?:school|settings?|activities|provision)|(?:are|feel|is) included|inclusion)\\b`),
    because: (m) => `it describes inclusion ('${m[1]}')`,
  },
  {
    id: 'not-again',
    weight: 2,
    test: re(`\\b((?:are|is|were) not (?:re-?referred|excluded|re-?offending|taken into care|placed|moved)|do not (?:return|re-?offend|need))\\b`),
    because: (m) => `it describes something that no longer happens to them ('${m[1]}')`,
  },
];

/** The group a beneficiary-state match begins with, whole ("young people", "foster carers"), with its verb: "young people experience", "the child experiences". */
const leadingBeneficiary = new RegExp(`^${beneficiary}\\b`, 'i');
const singular = /^(child|young person|family|parent|workforce)$/;

function experiencer(match: string): string {
  const group = (leadingBeneficiary.exec(match)?.[0] ?? match.split(/\s+/)[0]).toLowerCase();
  return singular.test(group) ? `the ${group} experiences` : `${group} experience`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function score(signals: Signal[], s: string): { total: number; reasons: string[] } {
  const fired: Array<{ w: number; why: string }> = [];
  for (const sig of signals) {
    const m = sig.test(s);
    if (m) fired.push({ w: sig.weight, why: sig.because(m) });
  }
  fired.sort((a, b) => b.w - a.w);
  return { total: fired.reduce((n, f) => n + f.w, 0), reasons: fired.map((f) => f.why) };
}

/** Classifies one statement. Pure and deterministic. */
export function classifyStatement(statement: string): Classification {
  const s = statement.replace(/\s+/g, ' ').trim();
  const out = score(outputSignals, s);
  const change = score(changeSignals, s);
  const label = out.total >= OUTPUT_THRESHOLD && out.total > change.total ? 'output' : 'outcome';
  return { label, outputScore: out.total, changeScore: change.total, outputReasons: out.reasons, changeReasons: change.reasons };
}

/** The signals, for the rule's documentation. */
export const classifierSignals = {
  output: outputSignals.map((s) => ({ id: s.id, weight: s.weight })),
  change: changeSignals.map((s) => ({ id: s.id, weight: s.weight })),
};
