/** Formatting of values for people reading a tender: money, dates, and the words behind codes. */

import { taxonomyCode } from '../taxonomies';

/** Plain text of a scalar value, or undefined for anything that is not one. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 2, minimumFractionDigits: 0 });
const plain = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** `£1,560,000` for a number; anything else as written. */
export function money(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return gbp.format(v);
  return text(v);
}

export function number(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return plain.format(v);
  return text(v);
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A commspec date (`2027-03-31` or `2027-03`) for people, with its machine form; undefined when it is no date. */
export function date(v: unknown): { human: string; iso: string } | undefined {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.trim() : undefined;
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { human: `${months[month - 1]} ${m[1]}`, iso: s };
  const day = Number(m[3]);
  if (day < 1 || day > 31) return undefined;
  return { human: `${day} ${months[month - 1]} ${m[1]}`, iso: s };
}

/** The words commissioners use for the codes in the schema. Codes not listed are shown humanised. */
const labels: Record<string, string> = {
  // status
  draft: 'Draft',
  consultation: 'Out for consultation',
  published: 'Published',
  awarded: 'Awarded',
  retired: 'Retired',
  submitted: 'Submitted',
  withdrawn: 'Withdrawn',
  // commissioner
  'local-authority': 'Local authority',
  'school-cluster': 'Cluster of schools',
  'joint-commissioning-unit': 'Joint commissioning unit',
  health: 'Health body',
  partnership: 'Partnership',
  'sub-regional': 'Sub-regional',
  single: 'Single funder',
  pooled: 'Pooled budget',
  aligned: 'Aligned budgets',
  'section-75': 'Section 75 agreement (NHS Act 2006)',
  // service types
  'residential-care': 'Residential care',
  'short-breaks': 'Short breaks',
  'early-help': 'Early help',
  'family-support': 'Family support',
  'family-nurse-partnership': 'Family Nurse Partnership',
  'youth-services': 'Youth services',
  'cultural-education': 'Cultural education',
  'leaving-care': 'Leaving care',
  'mental-health': 'Mental health',
  // needs
  'child-and-family-views': 'Views of children and families',
  'practitioner-views': 'Practitioner views',
  'market-analysis': 'Market analysis',
  'all-children': 'All children',
  'children-in-need': 'Children in need',
  'child-protection': 'Child protection',
  'looked-after': 'Looked-after children',
  'care-leavers': 'Care leavers',
  disabled: 'Disabled children',
  send: 'Special educational needs and disabilities (SEND)',
  'asylum-seeking': 'Asylum-seeking children',
  'young-carers': 'Young carers',
  'young-parents': 'Young parents',
  bme: 'Black and minority ethnic children',
  lgbtq: 'LGBTQ+ young people',
  'young-offenders': 'Young people who offend',
  'at-risk-of-exploitation': 'At risk of exploitation',
  'families-with-multiple-needs': 'Families with multiple needs',
  'early-years': 'Early years',
  workforce: 'Workforce',
  // outcomes and indicators
  children: 'Children',
  'young-people': 'Young people',
  families: 'Families',
  'parents-and-carers': 'Parents and carers',
  community: 'Community',
  hard: 'Hard',
  soft: 'Soft',
  short: 'Short term (within a year)',
  medium: 'Medium term (one to three years)',
  long: 'Long term (beyond three years)',
  higher: 'Higher is better',
  lower: 'Lower is better',
  percent: 'Per cent',
  count: 'Count',
  money: 'Pounds (£)',
  days: 'Days',
  weeks: 'Weeks',
  months: 'Months',
  rate: 'Rate per 10,000 children',
  score: 'Score',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  termly: 'Termly',
  'six-monthly': 'Six-monthly',
  annually: 'Annually',
  'at-exit': 'When each child leaves the service',
  administrative: 'Administrative records',
  'self-report': 'Self-report',
  perception: 'Perception (views of others)',
  observed: 'Observed (practitioner or standardised tool)',
  'statistical-neighbours': 'Statistical neighbours',
  regional: 'Regional',
  national: 'England',
  'local-trend': 'Local trend',
  measured: 'Measured',
  'insufficient-evidence': 'Insufficient evidence',
  'to-be-established': 'To be established',
  'not-yet-measurable': 'Not yet measurable',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  met: 'Met',
  'not-met': 'Not met',
  direct: 'Direct',
  contribution: 'Contribution',
  // safeguarding
  'children-act-1989': 'Children Act 1989',
  'children-act-2004-s11': 'Children Act 2004, section 11',
  'working-together-2023': 'Working Together to Safeguard Children 2023',
  'keeping-children-safe-in-education': 'Keeping Children Safe in Education',
  'childrens-homes-regulations-2015': "Children's Homes (England) Regulations 2015",
  'care-planning-regulations-2010': 'Care Planning, Placement and Case Review (England) Regulations 2010',
  'sen-code-of-practice': 'SEND Code of Practice',
  'data-protection-act-2018': 'Data Protection Act 2018',
  'enhanced-dbs-with-barred-list': "Enhanced DBS check with the children's barred list",
  'enhanced-dbs': 'Enhanced DBS check',
  'safer-recruitment': 'Safer recruitment',
  references: 'References',
  'right-to-work': 'Right to work',
  qualifications: 'Qualifications',
  'overseas-checks': 'Overseas criminal records checks',
  'prohibition-checks': 'Prohibition checks',
  neglect: 'Neglect',
  'child-sexual-exploitation': 'Child sexual exploitation',
  'criminal-exploitation': 'Criminal exploitation',
  'domestic-abuse': 'Domestic abuse',
  'substance-misuse': 'Substance misuse',
  bullying: 'Bullying',
  'online-safety': 'Online safety',
  'harmful-sexual-behaviour': 'Harmful sexual behaviour',
  'antisocial-behaviour': 'Antisocial behaviour',
  radicalisation: 'Radicalisation',
  'missing-from-care': 'Going missing from care',
  'self-harm': 'Self-harm',
  'female-genital-mutilation': 'Female genital mutilation',
  'modern-slavery': 'Modern slavery',
  // value for money
  block: 'Block contract',
  spot: 'Spot purchase',
  'cost-per-placement': 'Cost per placement, by level of need',
  framework: 'Framework agreement',
  grant: 'Grant',
  'outcomes-based': 'Outcomes-based',
  mixed: 'Mixed',
  'payment-by-results': 'Payment by results',
  innovation: 'Innovation payment',
  quality: 'Quality',
  price: 'Price',
  'social-value': 'Social value',
  'local-employment': 'Local employment',
  'skills-and-training': 'Skills and training',
  'local-supply-chain': 'Local supply chain',
  environment: 'Environment',
  'community-wellbeing': 'Community wellbeing',
  'equality-and-inclusion': 'Equality and inclusion',
  'voluntary-sector-support': 'Support for the voluntary sector',
  // participation, governance, evaluation
  design: 'Design',
  procurement: 'Procurement',
  governance: 'Governance',
  delivery: 'Delivery',
  evaluation: 'Evaluation',
  process: 'Process',
  impact: 'Impact',
  economic: 'Economic',
  independent: 'Independent evaluator',
  internal: 'Internal',
  provider: 'The provider',
  peer: 'Peer review',
  reporting: 'Reporting',
  payment: 'Payment',
  review: 'Review',
  engagement: 'Engagement',
  // procurement
  open: 'Open procedure',
  'competitive-flexible': 'Competitive flexible procedure',
  'framework-call-off': 'Call-off from a framework',
  'dynamic-market': 'Dynamic market',
  'direct-award': 'Direct award',
  // bids
  charity: 'Charity',
  'social-enterprise': 'Social enterprise',
  private: 'Private company',
  'in-house': 'In-house service',
  'public-body': 'Public body',
  consortium: 'Consortium',
  lead: 'Lead',
  member: 'Member',
  subcontractor: 'Subcontractor',
  compliant: 'Compliant',
  partial: 'Partly compliant',
  'not-compliant': 'Not compliant',
  // prices
  week: 'week',
  night: 'night',
  placement: 'placement',
  child: 'child',
  family: 'family',
  hour: 'hour',
  session: 'session',
  year: 'year',
  month: 'month',
  // risk
  low: 'Low',
  high: 'High',
};

/** The words for a code, e.g. `children-act-2004-s11` → `Children Act 2004, section 11`. */
export function label(v: unknown): string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(labels, v)) return labels[v];
  if (typeof v !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v)) return s;
  const words = v.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What a price is for, in words: `week`, or `family per year` when a period is given. `words` reads each
 * part (the bid check compares the codes as written, so it passes its own reader).
 */
export function priceUnit(price: Record<string, unknown> | undefined, words: (v: unknown) => string | undefined = label): string | undefined {
  const per = words(price?.per);
  const period = words(price?.period);
  return per !== undefined && period !== undefined ? `${per} per ${period}` : per;
}

/** A framework outcome reference (`ecm/stay-safe`) with the words it stands for, when built in. */
export function taxonomyLabel(ref: string): { framework: string; label: string } | undefined {
  const { taxonomy, code } = taxonomyCode(ref);
  if (!taxonomy || !code) return undefined;
  return { framework: taxonomy.title, label: code.label };
}

/** `3 months` style durations are already readable; numbers get their unit. */
export function quantity(value: unknown, unit: unknown): string | undefined {
  const n = number(value);
  if (n === undefined) return undefined;
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'money':
      return money(value);
    case 'rate':
      return `${n} per 10,000`;
    case 'days':
    case 'weeks':
    case 'months':
      return `${n} ${unit}`;
    default:
      return n;
  }
}
