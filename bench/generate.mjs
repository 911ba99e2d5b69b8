// Deterministic generator of realistic commspec specifications of any size, from the shapes of the
// bundled examples: outcomes with indicators and expressions, tiers with thresholds, safeguarding,
// value for money with outcome payments, governance. Same seed and size, same text.

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = ['Children', 'Young people', 'Families', 'Care leavers', 'Parents and carers', 'Disabled children'];
const changes = [
  'live in stable homes close to their community, where that is safe',
  'feel safe at home and in their neighbourhood',
  'attend school regularly and make progress in their learning',
  'have trusted relationships with the adults who care for them',
  'are in education, employment or training',
  'report better emotional wellbeing',
  'stay together safely without the need for care',
  'are protected from exploitation outside the home',
];
const sources = ['SSDA903 return', 'Children in Need census', 'provider monthly returns', 'Strengths and Difficulties Questionnaire', 'school census', 'local case management system'];
const tierIds = ['low', 'medium', 'high', 'specialist'];

/** A YAML-safe scalar: quoted when it starts with an indicator or holds ': '. */
function q(s) {
  return /^[>|&*!%@`'"\[{#-]|: | #/.test(s) ? JSON.stringify(s) : s;
}

export function generateSpecification({ seed = 1, lines = 300, id } = {}) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const specId = id ?? `generated-spec-${seed}`;
  const out = [];
  const push = (...ls) => out.push(...ls);
  push(
    'commspec: 1',
    'kind: specification',
    `id: ${specId}`,
    `title: Generated residential and family support service ${seed}`,
    'version: "1.0"',
    'status: draft',
    'service_type: residential-care',
    'term:',
    '  start: 2026-04-01',
    '  end: 2034-03-31',
    'commissioner:',
    '  lead: London Borough of Havering',
    '  funding: pooled',
    '  agreement: Signed leadership agreement between the partner boroughs',
    '  partners:',
    '    - { name: London Borough of Newham, role: co-commissioner, contribution: 1200000 }',
    '    - { name: London Borough of Redbridge, role: co-commissioner, contribution: 900000 }',
    'needs:',
    '  summary: Rising numbers of children placed more than 20 miles from home, with frequent moves.',
    '  assessment: { title: Partnership needs analysis, date: 2025-06-30 }',
    '  groups: [looked-after, care-leavers]',
    '  age: { min: 11, max: 17 }',
    'fields:',
    '  - { name: annual_fee, unit: money, value: 6500000, description: The annual contract value }',
    '  - { name: moves, unit: count, description: Placement moves in the last 12 months }',
    'tiers:',
  );
  for (const t of tierIds) {
    push(
      `  - id: ${t}`,
      `    label: ${t[0].toUpperCase()}${t.slice(1)}`,
      `    definition: Children whose assessed needs are ${t} and who need a residential placement`,
      `    threshold: "age in 11..17 and tier in [${t}]"`,
      '    step_up: Reviewed by the placement panel within five working days',
      '    step_down: Agreed at the child looked-after review',
      '    review: 6 months',
    );
  }
  push('outcomes:');
  let n = 0;
  const footer = [
    'safeguarding:',
    '  statement: The provider keeps children safe from harm inside and outside the home.',
    '  statutory_basis: [children-act-2004-s11, working-together-2023, childrens-homes-regulations-2015]',
    '  designated_lead: Registered manager of each home',
    '  checks: [enhanced-dbs-with-barred-list, safer-recruitment, references]',
    '  training: { requirement: All staff trained to level 3 safeguarding, refresh: 2 years }',
    '  escalation: { route: "Designated lead, then children\'s social care, then the LADO", lado: true, notification: 24 hours }',
    '  scope: [child-protection, child-sexual-exploitation, criminal-exploitation, missing-from-care, substance-misuse, online-safety]',
    '  policy_review: 2027-03-31',
    'value_for_money:',
    '  budget: { annual: 6500000, total: 52000000 }',
    '  pricing_model: cost-per-placement',
    '  prices:',
    ...tierIds.map((t, i) => `    - { tier: ${t}, ceiling: ${3500 + i * 1000}, per: week }`),
    '  outcome_payments:',
    '    - id: stability-payment',
    '      type: payment-by-results',
    '      rule: "up to 7% of annual_fee when outcome-1-indicator-1 >= 85%"',
    '      cap: "7% of annual_fee"',
    '      basis: Verified against the SSDA903 return each year',
    '      outcomes: [outcome-1]',
    '  award:',
    '    criteria:',
    '      - { id: quality, type: quality, weight: 60 }',
    '      - { id: price, type: price, weight: 30 }',
    '      - { id: social-value, type: social-value, weight: 10 }',
    'participation:',
    '  statement: Young people sit on the bid evaluation panel and the partnership board.',
    '  activities:',
    '    - { stage: procurement, who: young-people, description: Two care-experienced young people score the quality questions }',
    'transitions:',
    '  step_down: Step-down to fostering or semi-independence after 6 to 9 months where the care plan allows',
    '  staying_put: Young people can stay close to their home until 21',
    '  leaving_care: Pathway planning starts at 15 and a half',
    'market:',
    '  consortium_bids: true',
    '  small_providers: Two lots and a bidders\' day for small providers',
    'exit:',
    '  plan: Placements continue under the same terms until each child moves on in a planned way',
    '  sustainability: Training and practice stay with the partner boroughs',
    'procurement:',
    '  route: competitive-flexible',
    '  kpi_exemption: Key indicators are published under the partnership performance framework',
    'governance:',
    '  board: Partnership commissioning board',
    '  lead: Head of commissioning',
    '  deputy: Commissioning manager',
    '  monitoring: { frequency: quarterly, method: Returns and contract meetings }',
    '  reviews:',
    '    - { date: 2027-03-31, description: First outcome review, type: review }',
    '    - { date: 2030-03-31, description: Mid-term review of long-term outcomes, type: review }',
  ];
  while (out.length + footer.length < lines || n === 0) {
    n++;
    const subject = pick(subjects);
    push(
      `  - id: outcome-${n}`,
      `    statement: ${q(`${subject} ${pick(changes)}`)}`,
      `    beneficiary: ${pick(['children', 'young-people', 'families'])}`,
      `    type: ${rand() < 0.6 ? 'hard' : 'soft'}`,
      `    horizon: ${pick(['short', 'medium', 'long'])}`,
      `    tiers: [${tierIds.slice(0, 1 + Math.floor(rand() * 4)).join(', ')}]`,
      '    frameworks: [csc-2023/stable-loving-homes]',
      '    indicators:',
    );
    for (let k = 1; k <= 3; k++) {
      const higher = rand() < 0.6;
      const base = Math.round(30 + rand() * 50);
      const target = higher ? Math.min(99, base + 5 + Math.round(rand() * 10)) : Math.max(1, base - 5 - Math.round(rand() * 10));
      push(
        `      - id: outcome-${n}-indicator-${k}`,
        `        definition: Share of children supported who ${pick(changes)}`,
        '        measure: "count(children where moves <= 2) / count(children)"',
        '        unit: percent',
        `        polarity: ${higher ? 'higher' : 'lower'}`,
        `        baseline: { value: ${base}, date: 2025-03-31, source: ${pick(sources)}, n: ${80 + Math.round(rand() * 200)} }`,
        `        target: "${higher ? '>=' : '<='} ${target}% by 2029-03-31"`,
        `        data_source: ${pick(sources)}`,
        '        frequency: quarterly',
        '        comparator: { type: statistical-neighbours }',
      );
    }
  }
  push(...footer);
  return out.join('\n') + '\n';
}
