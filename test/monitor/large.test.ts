// Long returns: findings and payment lines are appended one by one, never spread into push's arguments
// (which overflows the stack at around 120,000 items).
import { describe, expect, it } from 'vitest';
import { monitor } from '../../server/src/service/monitor/index';

const spec = 'commspec: 1\nkind: specification\nid: s\nterm: { start: 2026-01-01, end: 2027-12-31 }\noutcomes:\n  - id: o\n    indicators:\n      - { id: i, unit: percent, target: ">= 50%", frequency: quarterly }\n';

describe('monitor on 200,000 rows', () => {
  it('reports a finding for every one of 200,000 rows naming an unknown indicator, without overflowing the stack', () => {
    const rows = ['indicator,period,value'];
    for (let k = 0; k < 200_000; k++) rows.push(`nope,2026-03-31,${k % 100}`);
    const r = monitor({ uri: '/s.commspec.yaml', text: spec }, [{ uri: '/r.csv', text: rows.join('\n') }]);
    const unknown = r.findings.filter((f) => f.ruleId === 'returns/unknown-indicator');
    expect(unknown.length).toBe(200_000);
    expect(unknown[199_999].message).toBe("Row 200001: 'nope' is not an indicator of the specification s (its indicators are i)");
  }, 60_000);
});
