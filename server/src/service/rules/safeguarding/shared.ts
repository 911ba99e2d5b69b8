/** A skeleton a commissioner completes: every value is schema-valid and sensible as written. */
export const escalationLines = [
  'escalation:',
  "  route: \"The designated safeguarding lead, then children's social care the same day; the LADO within one working day for allegations against staff; the police where a child is in immediate danger\"",
  '  lado: true',
  '  notification: 24 hours',
];

export const trainingLines = [
  'training:',
  '  requirement: All staff and volunteers trained in safeguarding to the level their role needs before they work with children',
  '  refresh: 3 years',
];

export const sectionLines = [
  'safeguarding:',
  "  statement: The provider keeps children safe in line with the local safeguarding children partnership's procedures and this specification.",
  '  statutory_basis: [children-act-1989, children-act-2004-s11, working-together-2023]',
  "  designated_lead: The provider's designated safeguarding lead",
  "  deputy_lead: A trained deputy who acts when the designated lead is away",
  '  supervision: Regular supervision for every worker with a qualified supervisor',
  '  checks: [enhanced-dbs-with-barred-list, safer-recruitment, references, right-to-work]',
  ...trainingLines.map((l) => '  ' + l),
  ...escalationLines.map((l) => '  ' + l),
  '  scope: [child-protection, neglect, domestic-abuse, child-sexual-exploitation, criminal-exploitation, online-safety]',
];
