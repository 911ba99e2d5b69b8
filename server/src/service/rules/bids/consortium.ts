import { get } from '../../model';
import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { listing } from '../helpers';

export default defineRule({
  meta: {
    id: 'bids/consortium',
    severity: 'error',
    description: 'A consortium bid names its members and exactly one lead, and is only made where the specification accepts consortium bids.',
    rationale:
      'Consortia let small and voluntary providers bid for contracts none could deliver alone, and NELCP set out to facilitate them. The commissioner contracts with one lead that holds the contract and answers for the others: a consortium with no lead, or two, leaves nobody accountable, and a member list is needed to check each member\'s safeguarding and registration.',
    evidence: ['IDeA 2009, section 2.2.1 ‘Positioning, organisation and sector collaboration’', 'IDeA 2009, section 4.3 ‘Further Action’', 'Ipsos MORI 2019, ‘Project aims and intended outcomes’, p. 11'],
    kinds: ['bid'],
    tags: ['bids', 'market'],
  },
  check({ model, linked, report }) {
    const bidder = get.obj(model.value.bidder);
    if (!bidder) return;
    const members = get
      .arr(bidder.members)
      .map((m, i) => ({ m: get.obj(m), i }))
      .filter((x): x is { m: Record<string, unknown>; i: number } => !!x.m);
    const type = get.str(bidder.type);
    // A prime contractor that names itself as lead over subcontractors is a single provider: only a
    // member (role: member), or a lead other than the bidder itself, makes the bid a consortium.
    const same = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase().replace(/[^a-z0-9]+/g, '') === b.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const partnership = members.some(({ m }) => m.role === 'member' || (m.role === 'lead' && !same(m.name, bidder.name)));
    if (type !== 'consortium' && !partnership) return;
    const name = (m: Record<string, unknown>) => get.str(m.name) ?? 'a member';
    const spec = linked.specification;
    const rules = spec && get.obj(spec.model.value.market) && Object.prototype.hasOwnProperty.call(get.obj(spec.model.value.market), 'consortium_bids') ? [specLocation(spec, ['market', 'consortium_bids'], "The specification's rule on consortium bids", 'key')] : undefined;
    if (type === 'consortium') {
      const accepts = get.obj(linked.specification?.model.value.market)?.consortium_bids;
      if (accepts === false && linked.specification) {
        report({
          message: 'The specification does not accept consortium bids (market.consortium_bids: false): bid as a single provider, with the others as subcontractors if the specification allows subcontracting',
          at: { path: ['bidder', 'type'], part: 'value' },
          related: [specLocation(linked.specification, ['market', 'consortium_bids'], 'Consortium bids are not accepted')],
        });
      }
    } else {
      report({
        message: `The bidder lists consortium members (${listing(members.filter(({ m }) => m.role === 'lead' || m.role === 'member').map(({ m }) => name(m)))}) but its type is ${type ?? 'not given'}: set type: consortium, or make them subcontractors`,
        at: type ? { path: ['bidder', 'type'], part: 'value' } : { path: ['bidder'], part: 'key' },
        severity: 'warning',
        related: rules,
      });
    }
    const partners = members.filter(({ m }) => m.role === 'lead' || m.role === 'member');
    if (partners.length === 0) {
      report({
        message: 'A consortium bid names its members: add members: with each organisation and its role, one of them role: lead (the member that holds the contract)',
        at: Object.prototype.hasOwnProperty.call(bidder, 'members') ? { path: ['bidder', 'members'], part: 'key' } : { path: ['bidder', 'type'], part: 'value' },
        related: rules,
      });
      return;
    }
    const leads = members.filter(({ m }) => m.role === 'lead');
    if (leads.length === 0) {
      report({
        message: `This consortium names no lead: ${listing(partners.map(({ m }) => name(m)))} ${partners.length === 1 ? 'is a member' : 'are all members'}. Mark the member that will hold the contract and answer for the others with role: lead`,
        at: { path: ['bidder', 'members'], part: 'key' },
        related: rules,
      });
    } else if (leads.length > 1) {
      for (const { i } of leads.slice(1)) {
        report({
          message: `This consortium names more than one lead (${leads.map(({ m }) => name(m)).join(' and ')}): only one member holds the contract; make the others role: member`,
          at: { path: ['bidder', 'members', i, 'role'], part: 'value' },
          related: rules,
        });
      }
    }
  },
});
