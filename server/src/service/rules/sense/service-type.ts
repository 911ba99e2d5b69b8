// What kind of service a specification commissions: the declared `service_type`, or, when it is not
// declared, what the document itself says (its title, summary, target groups, prices and pathways).
// Safeguarding, pathways and age checks depend on it: a children's home needs a missing-from-care
// protocol, a mentoring scheme for care leavers does not need a step-down pathway.
import { get } from '../../model';
import { text } from '../helpers';

export type ServiceType =
  | 'residential-care'
  | 'fostering'
  | 'short-breaks'
  | 'early-help'
  | 'family-support'
  | 'family-nurse-partnership'
  | 'youth-services'
  | 'cultural-education'
  | 'leaving-care'
  | 'mental-health'
  | 'education'
  | 'other';

export interface ServiceKind {
  type: ServiceType;
  /** True when the type was worked out from the text rather than declared in `service_type:`. */
  inferred: boolean;
  /** For messages: "a residential service", "a short breaks service". */
  label: string;
  /** Why commspec thinks so, for an inferred type: "its title mentions a children's home". */
  because?: string;
}

const labels: Record<ServiceType, string> = {
  'residential-care': 'a residential care service',
  fostering: 'a fostering service',
  'short-breaks': 'a short breaks service',
  'early-help': 'an early help service',
  'family-support': 'a family support service',
  'family-nurse-partnership': 'a family nurse partnership',
  'youth-services': 'a youth service',
  'cultural-education': 'a cultural education service',
  'leaving-care': 'a service for care leavers',
  'mental-health': 'a mental health service',
  education: 'an education service',
  other: 'a service',
};

// Checked in order: the first match wins. Each pattern names the service, not a passing mention.
const cues: Array<[ServiceType, RegExp]> = [
  ['leaving-care', /\b(care[- ]leavers?|leaving[- ]care|care experienced young (?:people|adults)|personal advis[eo]rs?)\b/i],
  ['residential-care', /\b(children'?s homes?|residential (?:care|placements?|homes?|provision)|semi[- ]independent (?:accommodation|living|provision)|supported accommodation)\b/i],
  ['fostering', /\b(foster(?:ing)? (?:care|placements?|services?|carers?|agency|agencies)|independent fostering|IFAs?)\b/i],
  ['short-breaks', /\b(short breaks?|respite (?:care|breaks?))\b/i],
  ['family-nurse-partnership', /\bfamily nurse partnership\b/i],
  ['early-help', /\b(early help|early intervention)\b/i],
  ['youth-services', /\b(youth (?:work|workers?|services?|clubs?|centres?|provision|bank)|detached (?:youth )?work|outreach youth)\b/i],
  ['family-support', /\b(family support|parenting (?:support|programmes?)|supporting families)\b/i],
  ['mental-health', /\b(mental health|emotional wellbeing service|CAMHS)\b/i],
  ['cultural-education', /\b(cultural (?:education|offer|commissioning)|arts? (?:education|programme)|museums?|libraries)\b/i],
];

/** The service type: declared, or inferred from the title, summary and target groups. */
export function serviceKind(value: Record<string, unknown>): ServiceKind {
  const declared = get.str(value.service_type);
  if (declared && declared in labels) return { type: declared as ServiceType, inferred: false, label: labels[declared as ServiceType] };
  const sources: Array<[string, string | undefined]> = [
    ['its title', text(value.title)],
    ['its summary', text(value.summary)],
    ['its needs summary', text(get.obj(value.needs)?.summary)],
  ];
  for (const [where, s] of sources) {
    if (!s) continue;
    for (const [type, re] of cues) {
      const m = re.exec(s);
      if (m) return { type, inferred: true, label: labels[type], because: `${where} mentions '${m[0]}'` };
    }
  }
  const groups = get.arr(get.obj(value.needs)?.groups);
  if (groups.length === 1 && groups[0] === 'care-leavers') return { type: 'leaving-care', inferred: true, label: labels['leaving-care'], because: 'it is for care leavers' };
  return { type: 'other', inferred: true, label: labels.other };
}

/** Care away from home: children's homes and foster care, where the provider holds the child day and night. */
export function isLookedAfterCare(k: ServiceKind): boolean {
  return k.type === 'residential-care' || k.type === 'fostering';
}

/** How a message names the type, with the reason when it was inferred. */
export function describeKind(k: ServiceKind): string {
  return k.inferred && k.because ? `${k.label} (${k.because})` : k.label;
}
