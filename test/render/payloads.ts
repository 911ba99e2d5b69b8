import { stringify } from 'yaml';

/**
 * Script-injection and remote-request payloads. Each one, if it ever reached the page as markup,
 * would set `window.__pwned` or make a request to example.invalid.
 */
export const payloads: string[] = [
  `<script>window.__pwned='script'</script>`,
  `"><img src=x onerror="window.__pwned='img'">`,
  `'><svg onload=window.__pwned='svg'>`,
  `</style><script>window.__pwned='style'</script>`,
  `</title><script>window.__pwned='title'</script>`,
  `</code></td></tr></table><script>window.__pwned='table'</script>`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  `<a href="javascript:window.__pwned='href'">click</a>`,
  `javascript:window.__pwned='js'`,
  `<!-- --><script>window.__pwned='comment'</script>`,
  `<![CDATA[<script>window.__pwned='cdata'</script>]]>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`,
  `\u0000<script>window.__pwned='nul'</script>`,
  '`${window.__pwned="template"}`',
  `<img src="https://example.invalid/track.png">`,
  `<link rel="stylesheet" href="https://example.invalid/x.css">`,
  `<meta http-equiv="refresh" content="0;url=https://example.invalid/">`,
  `<base href="https://example.invalid/">`,
  `<object data="https://example.invalid/x.swf"></object>`,
  `\u2028<script>window.__pwned='separator'</script>`,
  `<scr<script>ipt>window.__pwned='nested'</scr</script>ipt>`,
  `<details open ontoggle="window.__pwned='toggle'">x</details>`,
  `<form><button formaction="javascript:window.__pwned='form'">x</button></form>`,
  `<svg><animate onbegin="window.__pwned='animate'" attributeName="x" dur="1s"/></svg>`,
  `<style>@import url(https://example.invalid/i.css); body{background:url(https://example.invalid/b.png)}</style>`,
  `" style="background:url(https://example.invalid/attr.png)`,
  `&lt;script&gt;window.__pwned='entity'&lt;/script&gt;`,
];

/** A specification with `p` (tagged with where it is) in every text field, id and expression. */
export function specificationWith(p: string): Record<string, unknown> {
  const t = (where: string) => `${p} ${where}`;
  return {
    commspec: 1,
    kind: 'specification',
    id: t('id'),
    title: t('title'),
    reference: t('reference'),
    version: '1.0',
    status: 'draft',
    summary: t('summary'),
    service_type: t('service-type'),
    dates: { publication: t('date'), tender_deadline: '2026-01-16' },
    term: { start: '2026-09-01', end: t('end'), extensions: [{ duration: t('duration'), condition: t('condition') }] },
    frameworks: [{ id: t('fw-id'), path: t('fw-path') }],
    commissioner: {
      lead: t('lead'),
      type: t('type'),
      agreement: t('agreement'),
      partners: [{ name: t('partner'), role: t('role'), contribution: 1000, accountability: t('accountability') }],
      contacts: [{ role: t('contact-role'), name: t('contact-name'), email: t('email') }],
    },
    needs: {
      summary: t('needs'),
      assessment: { title: t('assessment'), url: `https://example.invalid/${p}`, date: t('assessment-date') },
      sources: [{ type: t('source-type'), description: t('source') }],
      age: { min: 11, max: 17 },
      groups: [t('group')],
      geography: t('geography'),
      volumes: [{ description: t('volume'), value: 3, period: t('period'), evidence: t('evidence') }],
    },
    tiers: [{ id: t('tier-id'), label: t('tier-label'), definition: t('tier-definition'), threshold: t('threshold'), step_up: t('up'), step_down: t('down'), review: t('review') }],
    fields: [{ name: t('field'), unit: 'count', description: t('field-description'), value: t('field-value') }],
    theory_of_change: { rationale: t('rationale'), inputs: [t('input')], activities: [t('activity')], outputs: [t('output')], outcomes: [t('outcome-id'), 'missing-outcome'] },
    practice_features: [{ feature: t('feature'), applies: true, reason: t('reason') }],
    outcomes: [
      {
        id: t('outcome-id'),
        statement: t('statement'),
        beneficiary: t('beneficiary'),
        tiers: [t('outcome-tier')],
        lots: [t('outcome-lot')],
        frameworks: [t('tag'), 'ecm/stay-safe'],
        rationale: t('outcome-rationale'),
        indicators: [
          {
            id: t('indicator-id'),
            definition: t('definition'),
            measure: t('measure'),
            unit: t('unit'),
            polarity: t('polarity'),
            baseline: { value: 10, date: t('baseline-date'), source: t('baseline-source'), status: t('baseline-status'), note: t('note') },
            target: t('target'),
            data_source: t('data-source'),
            frequency: t('frequency'),
            comparator: { type: t('comparator'), source: t('comparator-source') },
            status: t('progress'),
          },
        ],
      },
    ],
    safeguarding: {
      statement: t('safeguarding'),
      statutory_basis: [t('basis')],
      designated_lead: t('dsl'),
      checks: [t('check')],
      training: { requirement: t('training'), refresh: t('refresh') },
      escalation: { route: t('route'), lado: true, notification: t('notification') },
      scope: [t('scope')],
      information_sharing: t('sharing'),
      requirements: [{ id: t('req-id'), text: t('requirement'), evidence: t('req-evidence') }],
    },
    requirements: [{ id: t('req2-id'), text: t('requirement-2') }],
    value_for_money: {
      budget: { annual: 1000, notes: t('budget-notes') },
      pricing_model: t('pricing'),
      prices: [{ tier: t('tier-id'), lot: t('price-lot'), ceiling: 10, per: t('per') }],
      full_cost_recovery: t('fcr'),
      outcome_payments: [{ id: t('payment-id'), type: t('payment-type'), rule: t('rule'), cap: t('cap'), basis: t('basis-text'), outcomes: [t('outcome-id')], definition: t('innovation') }],
      savings: { target: 5, outcome_protection: t('protection') },
      award: { method: t('method'), criteria: [{ id: t('criterion-id'), title: t('criterion'), type: t('criterion-type'), weight: t('weight'), outcomes: [t('outcome-id')] }] },
      social_value: { themes: [t('theme')], requirement: t('social') },
    },
    participation: { statement: t('participation'), activities: [{ stage: t('stage'), who: t('who'), description: t('activity-description') }], data_protection: t('data-protection') },
    governance: { board: t('board'), terms_of_reference: t('tor'), lead: t('gov-lead'), deputy: t('deputy'), contract_manager: t('cm'), monitoring: { frequency: t('mon-frequency'), method: t('mon-method') }, reviews: [{ date: '2027-01-01', description: t('review-description'), type: t('review-type') }] },
    evaluation: { plan: t('evaluation'), types: [t('eval-type')], evaluator: t('evaluator'), reports: [{ date: '2028-01-01', description: t('report') }] },
    transitions: { referral: t('referral'), matching: t('matching'), step_down: t('step-down'), staying_put: t('staying-put'), leaving_care: t('leaving-care'), adult_services: t('adult') },
    workforce: { training: [{ title: t('course'), level: t('level'), provided_by: t('provider') }], qualifications: t('qualifications'), stability: t('stability') },
    market: { lots: [{ id: t('lot-id'), title: t('lot'), description: t('lot-description'), value: 1, places: 2, tiers: [t('lot-tier')] }], subcontracting: t('subcontracting'), accreditations: [t('accreditation')], small_providers: t('small'), engagement: t('engagement') },
    procurement: { route: t('route-code'), kpi_exemption: t('exemption') },
    risks: [{ id: t('risk-id'), description: t('risk'), likelihood: t('likelihood'), impact: t('impact'), mitigation: t('mitigation'), owner: t('owner') }],
    mobilisation: { plan: t('mobilisation'), milestones: [{ date: '2026-06-01', description: t('milestone') }] },
    exit: { plan: t('exit'), sustainability: t('sustainability') },
  };
}

export function frameworkWith(p: string): Record<string, unknown> {
  const t = (where: string) => `${p} ${where}`;
  return {
    commspec: 1,
    kind: 'framework',
    id: t('id'),
    title: t('title'),
    owner: t('owner'),
    period: { start: t('start'), end: '2028-03-31' },
    summary: t('summary'),
    outcomes: [{ id: t('outcome-id'), statement: t('statement'), description: t('description'), frameworks: [t('tag')], indicators: [{ id: t('ind-id'), definition: t('definition'), unit: t('unit'), baseline: { value: 1, source: t('source') } }] }],
    tiers: [{ id: t('tier-id'), label: t('tier'), definition: t('tier-definition'), threshold: t('threshold') }],
    fields: [{ name: t('field'), unit: t('unit'), description: t('field-description') }],
  };
}

export function bidWith(p: string): Record<string, unknown> {
  const t = (where: string) => `${p} ${where}`;
  return {
    commspec: 1,
    kind: 'bid',
    id: t('id'),
    title: t('title'),
    status: t('status'),
    specification: { id: t('spec-id'), version: t('version'), path: t('path') },
    bidder: { name: t('bidder'), type: t('type'), registration: t('registration'), members: [{ name: t('member'), role: t('role'), delivers: t('delivers') }] },
    lots: [t('lot')],
    responses: [{ outcome: t('outcome'), approach: t('approach'), evidence: t('evidence'), delivery_model: t('model'), commitments: [{ indicator: t('indicator'), target: t('target') }] }],
    prices: [{ tier: t('tier'), lot: t('lot'), price: 1, per: t('per') }],
    compliance: [{ requirement: t('requirement'), answer: t('answer'), explanation: t('explanation'), evidence: t('compliance-evidence') }],
    award_responses: [{ criterion: t('criterion'), response: t('response') }],
    social_value: [{ commitment: t('commitment'), measure: t('measure'), target: t('sv-target') }],
    participation: t('participation'),
  };
}

export function yamlOf(doc: Record<string, unknown>): string {
  return stringify(doc, { lineWidth: 0 });
}
