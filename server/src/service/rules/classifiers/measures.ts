// Does an indicator definition or a payment trigger measure an output (what the provider does, counts,
// times or complies with) or an outcome (a change in children's or families' lives)?
//
// Indicators are written as noun phrases ("Number of sessions delivered", "Percentage of children in
// placement for 12 months or more") or as clauses ("Attendance will be recorded at each session",
// "Payment will be made when a child has remained in a stable placement for 12 months"). The
// classifier scores named output signals against named change signals, like classify.ts does for
// outcome statements. A measure is an output when its output score reaches OUTPUT_THRESHOLD and beats
// its change score; otherwise it is an outcome, because a false alarm teaches a commissioner to ignore
// the check. DOMAIN.md §3 (indicators) and §7b ("a results payment whose trigger is an activity is a
// volume payment with another name"; "a wellbeing outcome measured only by attendance measures an
// output").

import { normalise, quote, re, score, type Signal } from './signals';

export interface MeasureJudgement {
  label: 'output' | 'outcome';
  /** The signals that decided it, strongest first, as phrases for a commissioner. */
  reasons: string[];
  outputScore: number;
  changeScore: number;
}

export const OUTPUT_THRESHOLD = 2;

/** Things a service does or produces, counted when activity is measured. */
const activity =
  '(?:sessions?|visits?|home visits|contacts?|referrals?|calls?|appointments?|assessments?|plans?|reviews?|meetings?|conferences?|courses?|programmes?|events?|workshops?|classes|leaflets?|campaigns?|enquiries|interviews?|checks?|audits?|returns|reports?|registers?|nights?|hours?|places?|beds?|packages?|training|group work|outreach|advice|mentoring|caseloads?|complaints?|records?|case files?|attendances?|attendees|participants|enrolments?|registrations?|drop-ins?)';

/** Who a service is for: counting them is not counting activity. */
const people =
  '(?:children|child|young|people|person|families|family|parents|parent|carers|carer|care|leavers|mothers|fathers|pupils|babies|infants|girls|boys|adopters|siblings)';

/** Past participles of running a service: "sessions delivered", "referrals accepted". */
const processDone =
  '(?:delivered|provided|completed|held|run|convened|recorded|submitted|returned|offered|issued|acknowledged|accepted|received|allocated|distributed|audited|reviewed|commissioned|recruited|trained|opened|answered|responded to|uploaded|updated|handled|renewed|contacted|attended|made|purchased|registered|identified|engaged|signposted|referred on|referred|supported|seen|placed|enrolled|published|sent|booked|logged|processed|screened|assessed|visited)';

const outputSignals: Signal[] = [
  {
    id: 'count-of-activity',
    weight: 3,
    test: re(`\\b((?:number|numbers|count|volume|total|rate|proportion|percentage|%) of (?:(?!${people}\\b)[\\w'-]+ ){0,4}?${activity})\\b(?! (?:to|by) children's social care)`),
    because: (m) => `it counts activity (${quote(m[1])})`,
  },
  {
    id: 'activity-done',
    weight: 2,
    test: re(`\\b(${activity}\\s+(?:(?:that|which) (?:are|were|have been) )?(?:\\w+ly\\s+)?${processDone})\\b`),
    because: (m) => `it counts something the service does (${quote(m[1])})`,
  },
  {
    id: 'people-processed',
    weight: 2,
    test: re(`\\b((?:children|young people|young carers|care leavers|families|parents|carers|pupils)\\s+(?:[\\w-]+\\s+){0,2}?(?:engaged by|supported by|seen by|receiving (?:a|an|the|support)|who (?:take|took) part|who attended|attending|signing up|referred (?:to|by|on)|identified and|registered with|enrolled on|placed in (?:the |our )?(?:[\\w-]+ ){0,2}(?:homes?|beds|provision)))\\b`),
    because: (m) => `it counts people going through the service (${quote(m[1])}), not what changes for them`,
  },
  {
    id: 'passive-process',
    weight: 2,
    test: re(`\\b((?<!(?:payments?|fees?|sums?) )(?:will|must|shall|should|to) (?:be|have been)\\s+(?:\\w+ly\\s+)?(?:recorded|submitted|returned|delivered|provided|completed|held|offered|made|released|reviewed|kept|logged|reported|sent|issued|attended|collected|monitored|audited|renewed)|(?:will|must|shall) (?:take place|be in place))\\b`),
    because: (m) => `it says something will be done or recorded (${quote(m[1])}), a step in running the service`,
  },
  {
    id: 'timeliness',
    weight: 3,
    test: re(`\\b((?:within|in) (?:\\d+|one|two|three|four|five|six|seven|eight|ten|twelve|fifteen|twenty|forty-five)(?:-| )(?:working |calendar )?(?:days?|hours?|weeks?|seconds|minutes)(?! (?:of|after) (?:birth|delivery\\b|closure|closing|the (?:case|plan|intervention|service) (?:closing|ending|ends))| or more)|within (?:the )?(?:statutory )?timescales?|statutory (?:\\d+-week )?timescale|on time|waiting (?:times?|lists?)|wait(?:s|ing)? (?:longer|more) than|(?:time|days) from referral)\\b`),
    because: (m) => `it times the service (${quote(m[1])}), a measure of process`,
  },
  {
    id: 'attendance-at-service',
    weight: 2,
    test: re(`\\b((?:attend(?:s|ed|ing)?|attendance at|take part in|took part in|sign(?:ing|ed)? up to|enrolled on|accepted onto|complet(?:e|es|ed|ing|ion of)) (?:at least \\d+ of (?:the )?\\d+ )?(?:the |a |an |each |every |their )?(?:[\\w'-]+ ){0,3}(?:sessions?|programmes?|course|activities|club|group|drop-in|training|events?|conferences?))\\b`),
    because: (m) => `it counts use of the service (${quote(m[1])}), not what changes because of it`,
  },
  {
    id: 'activity-attendance',
    weight: 2,
    test: re(`\\b((?:session|club|group|programme|service|weekly|average weekly) attendance|attendance (?:will be|is|must be) (?:recorded|registered|taken)|attendance registers?|occupancy|take-up|uptake|reach of|(?:social media |campaign )?reach\\b|impressions|footfall)`),
    because: (m) => `it measures reach or use of the service (${quote(m[1])})`,
  },
  {
    id: 'workforce-input',
    weight: 2,
    test: re(`\\b((?:staff|workers|professionals|practitioners|foster carers|social workers|leads)\\s+(?:[\\w-]+\\s+){0,3}?(?:trained|recruited|attending|completing|supervised)|(?:training|supervision) (?:completion|will|must|rate)|completed (?:[\\w-]+ ){0,4}training|(?:DBS|barred list) checks?|enhanced DBS|caseloads?|staff turnover|vacancy|qualified workers)\\b`),
    because: (m) => `it is about staff and inputs (${quote(m[1])}), not what changes for children`,
  },
  {
    id: 'payment-per-unit',
    weight: 3,
    test: re(`\\b((?:paid|payment|payments|fee)\\b[^.;]{0,40}?\\b(?:per|for each|for every|on completion of|on receipt of|when (?:a|the) (?:child|young person|family) is (?:accepted|referred|enrolled|seen|assessed))\\b(?:[^.;]{0,30}?)(?:completed|delivered|enrolled|attends|session|assessment|night|conference|referral|visit|registers?|young person enrolled|place|hour)s?)\\b`),
    because: (m) => `it pays for volume (${quote(m[1])}), so the result it rewards is activity`,
  },
  {
    id: 'compliance-reporting',
    weight: 2,
    test: re(`\\b((?:performance |monthly |quarterly )?(?:reports?|returns?|data) (?:will be |must be |are )?(?:submitted|returned|sent)|meet (?:the )?(?:practice |quality )?standards?|in line with (?:the )?(?:policy|procedures?|standards)|audited|(?:records?|files?|plans?) (?:updated|uploaded|reviewed))\\b`),
    because: (m) => `it is about compliance or reporting (${quote(m[1])})`,
  },
  {
    id: 'referral-flow',
    weight: 2,
    test: re(`\\b((?:increase|more|raise|grow)\\s+(?:the )?(?:number of )?(?:referrals|self-referrals|contacts|enquiries)|referrals (?:received|accepted|made|from)|referred on to|meet the threshold|identified and registered|offered (?:a|an) (?:[\\w-]+ )?(?:choice|appointment|place)|were offered|contacted within)\\b`),
    because: (m) => `it counts the flow of work into the service (${quote(m[1])})`,
  },
  {
    id: 'per-session-rule',
    weight: 2,
    test: re(`\\b((?:each|every) session (?:must|will|should)|(?:sessions?|visits?) (?:will|must|shall) (?:be cancelled|take place|not be cancelled)|of sessions will be cancelled)\\b`),
    because: (m) => `it sets a rule for delivery (${quote(m[1])})`,
  },
  {
    id: 'delivery-noun-first',
    weight: 3,
    test: re(`^\\s*((?:delivery|provision|number|count|volume|hours|nights) of (?:\\d+ )?(?:[\\w'-]+ ){0,3}?${activity})\\b`),
    because: (m) => `it starts with ${quote(m[1])}, a measure of delivery`,
  },
];

/** What an outcome measure is about: conditions of children's and families' lives. */
const changeSignals: Signal[] = [
  {
    id: 'change-word',
    weight: 2,
    test: re(`\\b(fewer|reduc(?:e|ed|es|ing|tion)|fall(?:s|ing)?|falls? (?:from|to|towards|below)|ris(?:e|es|ing) (?:by|to|above)|improv(?:e|ed|es|ing|ement)|narrow(?:s|ed|ing)?|closer to|lower|higher|increase(?:s|d)? (?:in (?:the )?(?:proportion|wellbeing|well-being|confidence|stability|attainment)|to)|no (?:increase|longer)|stop(?:ped|s)?|sustain(?:s|ed)?|remain(?:s|ed)?|stay(?:s|ed)? (?:in|with|at|together|safe)|(?:the )?same (?:placement|school|carers?|home|family)|still (?:at home|living|together|in)|better able|more (?:confident|stable|able|settled)|less (?:lonely|stressed|anxious))\\b`),
    because: (m) => `it measures a change (${quote(m[1])})`,
  },
  {
    id: 'life-condition',
    weight: 2,
    test: re(`\\b(well-?being|SDQ|Warwick-Edinburgh|WEMWBS|Outcomes Star|Parenting Stress Index|WellComm|AIM3|attainment|Attainment 8|Key Stage \\d|good level of development|exclu(?:sion|sions|ded)|NEET|education, employment or training|suitable accommodation|homeless(?:ness)?|missing (?:episodes?|from)|go missing|placement (?:moves?|stability|breaks? down|breakdown|endings?)|placements? ending|(?:three|3) or more placement|unplanned|stable placement|re-?referr(?:al|als|ed)|repeat (?:referrals?|incidents?|domestic)|second or subsequent|(?:re-?)?enter(?:s|ed|ing)? care|(?:become|becomes|became) looked after|taken into care|(?:re)?offending|first-time entrants|remanded|conceptions?|breastfeeding|smok(?:ing|e)|healthy weight|tooth decay|oral health|self-harm|admissions|injur(?:y|ies)|tenancy|bullied|persistent(?:ly)? absen(?:t|ce)|school attendance|reading ages?|substance use|risk scores?|substantiated allegations|step down to universal|no longer (?:need|requires?)|goals? (?:on their plan )?(?:have been |are )?achieved|employment|education or training|lonely|trusted adult|relationships|emotions?|confident|stress|safe(?:ly|r)?|housing|adoptive families|independent living|parent and child interaction|home conditions)\\b`),
    because: (m) => `it names a condition of children's or families' lives (${quote(m[1])})`,
  },
  {
    id: 'beneficiary-experience',
    weight: 2,
    test: re(`\\b((?:children|young people|young person|families|family|parents|carers|care leavers|mothers|pupils)(?: [\\w'-]+){0,4}? (?:report|reporting|say|said|feel|feeling|live|living|lived|are living|return home(?! interviews?)|remain|who (?:return|remain|stay|sustain|stop|feel|are still|have been there|do not))|in placement for \\d+ months|for at least (?:two|\\d+) years|(?:12|six|6|twelve) months (?:after|later)|a year later|at (?:exit|closure|19|21|18))\\b`),
    because: (m) => `it says what happens to children or families (${quote(m[1])})`,
  },
  {
    // A cohort defined by its use of the service, measured by what it then achieves: "Children
    // attending for six months who achieve a recognised step", "pupils in participating schools who
    // reach the expected standard".
    id: 'cohort-result',
    weight: 2,
    test: re(`\\b(${people}\\b(?: [\\w'’,-]+){0,10}? who (?:achieve|achieved|achieves|reach|reached|reaches|see|saw|sees|gain|gained|gains|pass|passed|show|showed|make progress|made progress|maintain|maintained|keep|kept|move into|moved into|are still|are no longer|are in (?:education|employment|work|school)|have (?:a|an) (?:friend|trusted)|receive(?:d)? breast))\\b`),
    because: (m) => `it measures what a group of children achieves (${quote(m[1])})`,
  },
  {
    id: 'results-payment',
    weight: 2,
    test: re(`\\b((?:results? payment|payment (?:will be made |is triggered |triggered )?when)\\b[^.;]{0,60}?\\b(?:remained|remains|stayed|stays|sustains?|no longer|stable|still|achieves?|returns?))`),
    because: (m) => `it pays for a result (${quote(m[1])})`,
  },
];

/** Classifies one indicator definition or payment trigger. Pure and deterministic. */
export function classifyMeasure(text: string): MeasureJudgement {
  const s = normalise(text);
  const out = score(outputSignals, s);
  const change = score(changeSignals, s);
  const label = out.total >= OUTPUT_THRESHOLD && out.total > change.total ? 'output' : 'outcome';
  const reasons = (label === 'output' ? out.fired : change.fired).map((f) => f.why);
  return { label, reasons, outputScore: out.total, changeScore: change.total };
}

/** The signals, for a rule's documentation. */
export const measureSignals = {
  output: outputSignals.map((s) => ({ id: s.id, weight: s.weight })),
  change: changeSignals.map((s) => ({ id: s.id, weight: s.weight })),
};
