// The research reports that commspec's rules, schemas and taxonomies cite, by their short names
// ("Ipsos MORI 2019, ‘Innovation’, p. 27"). Every citation a user or bidder reads names one of these,
// with a section and, where the report's contents give it, a page. All five are public reports of
// the Department for Education (or its predecessors) and the Local Government Association.

export interface Report {
  /** How citations start: `Ipsos MORI 2019`. */
  short: string;
  /** The full reference, as a reader would look it up. */
  reference: string;
}

export const reports: readonly Report[] = [
  {
    short: 'PwC 2011',
    reference: 'PricewaterhouseCoopers (2011). Joint Evaluation of the Commissioning Support Programme (CSP) and Centre for Excellence and Outcomes (C4EO). Department for Education, Research Report DFE-RR107.',
  },
  {
    short: 'SHM 2009',
    reference: 'SHM (2009). Commissioning Services for Children, Young People and Families: A Study of the Dynamics in Six Local Authority Areas. Department for Children, Schools and Families, Research Report DCSF-RR133.',
  },
  {
    short: 'Ipsos MORI 2019',
    reference: 'Mollidor, C., Lemus-Boskovitch, M. and Stow, C., Ipsos MORI (2019). Evaluation of the North-East London Commissioning Partnership Programme: Final evaluation report. Department for Education, Children\'s Social Care Innovation Programme.',
  },
  {
    short: 'NFER 2012',
    reference: 'National Foundation for Educational Research (2012). Evaluation of the Early Adopter Sector-Led Improvement Programme Pilots. Local Government Education and Children\'s Services Research Programme (LGA).',
  },
  {
    short: 'IDeA 2009',
    reference: 'Improvement and Development Agency (2009). Creating Better Outcomes for Children and Young People by Improving the Commissioning of Cultural Services: Research findings and final report. For Arts Council England and the Museums, Libraries and Archives Council.',
  },
];

/** The reports a list of citations draws on, each once, in the order first cited. */
export function reportsCited(citations: readonly string[]): Report[] {
  const out: Report[] = [];
  for (const c of citations) {
    const r = reports.find((x) => c.startsWith(x.short));
    if (r && !out.includes(r)) out.push(r);
  }
  return out;
}
