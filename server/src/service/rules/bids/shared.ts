// Shared by the bid rules: the assessment of the bid, and plain words for what it names.
import { assessBid, type BidAssessment } from '../../bid/assess';
import { nodeAtPath, type PathSegment } from '../../document';
import type { RuleContext } from '../types';

export const answersTheSpecification = 'IDeA 2009, section 3.5 ‘How are Children and Young People’s Services engaging with cultural organisations?’: "too many providers are trying to promote what they want to do – they need to understand the service we are looking for and how they contribute"';

/** The assessment of the bid being checked, or undefined when it is not a bid or its specification was not found (bids/specification-found reports that). */
export function assessment(ctx: RuleContext): BidAssessment | undefined {
  return assessBid(ctx.doc, ctx.model, ctx.linked);
}

/** Shortens prose for a message: the first sentence or 90 characters. */
export function brief(text: string, max = 90): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one.replace(/\.$/, '');
  const cut = one.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:.]$/, '')}…`;
}

/** The line (1-based) a path of the bid starts on, for messages that refer to another place. */
export function lineOf(ctx: RuleContext, start: number): number {
  return ctx.doc.lines.positionAt(start).line + 1;
}

/** Source offsets of the value at a path of the bid, when it is there. */
export function valueSpan(ctx: RuleContext, path: PathSegment[]): { start: number; end: number } | undefined {
  const r = nodeAtPath(ctx.doc.yaml, path).node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** Where to report something missing from a list of the bid: the list's key when it is there, else the bid's id. */
export function listAt(ctx: RuleContext, key: string): { path: PathSegment[]; part: 'key' | 'value' } {
  return Object.prototype.hasOwnProperty.call(ctx.model.value, key) ? { path: [key], part: 'key' } : typeof ctx.model.value.id === 'string' ? { path: ['id'], part: 'value' } : { path: ['kind'], part: 'value' };
}

/**
 * A placeholder where an answer should be: "TBC", "TBA", "to follow", "see attached", "N/A", "-". The whole
 * value has to be one: a description that mentions an appendix is still a description.
 */
export function placeholder(value: string): boolean {
  const v = value.replace(/\s+/g, ' ').trim().replace(/[.!]+$/, '').trim();
  if (v === '' || /^[-–—_.?*x/\\]+$/i.test(v)) return true;
  if (/^(tb[cad]|tbc\/tba|n\/?a|none|nil|pending|later|todo|to do|placeholder|lorem ipsum.*|not (yet )?(known|available|applicable|decided))$/i.test(v)) return true;
  if (/^(details |answer |response |information |text )?(to be|will be) (confirmed|agreed|advised|added|decided|determined|provided|supplied|completed|written|sent|submitted)( later| in due course| at (the )?(interview|clarification|mobilisation)( stage)?)?$/i.test(v)) return true;
  if (/^(details |answer |response |more |further )?(to follow|will follow|follows|(is |are )?(coming|attached) (later|soon)|in due course)$/i.test(v)) return true;
  return /^(please )?(see|refer to|as per|as in|as set out in)( the| our)? (attached|attachment|enclosed|appendix|annexe?|separate|above|below|document|section|policy|strategy|submission|method statement)\b[^.;]{0,60}$/i.test(v) || /^as (above|below|before|previously stated)$/i.test(v);
}
