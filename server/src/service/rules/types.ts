import type { DocumentKind, PathSegment, SourceDocument } from '../document';
import type { Finding, Fix, Severity } from '../findings';
import type { DocumentModel } from '../model';

export interface RuleOption {
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: unknown;
  description: string;
}

/** Everything a rule says about itself. The docs, the config schema and `commspec rules` come from this. */
export interface RuleMeta {
  /** `category/name`, e.g. `outcomes/has-indicator`. */
  id: string;
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Why it matters, for a commissioner, with the evidence. */
  rationale: string;
  /** Seed references, e.g. `Ipsos MORI 2019, ‘Innovation’, p. 27`, and other sources. */
  evidence: string[];
  kinds: DocumentKind[];
  tags?: string[];
  /** Whether the rule offers fixes. */
  fixable?: boolean;
  options?: Record<string, RuleOption>;
  /** Left out of the `recommended` preset (still in `strict` and `all`). */
  strictOnly?: boolean;
}

/** A document the checked document refers to, already read and modelled. */
export interface LinkedDocument {
  uri: string;
  doc: SourceDocument;
  model: DocumentModel;
}

export interface Linked {
  /** Framework documents by id (from `frameworks:` entries that could be read). */
  frameworks: Map<string, LinkedDocument>;
  /** For a bid: the specification it answers, when it could be found. */
  specification?: LinkedDocument;
  /** References to other files that could not be followed, with where they were made. */
  problems: Array<{ path: PathSegment[]; message: string }>;
}

export interface Report {
  message: string;
  /** Source offsets, or a path whose key/value/container the finding should point at. */
  at: { start: number; end: number } | { path: PathSegment[]; part?: 'key' | 'value' | 'container' };
  fix?: Fix;
  related?: Finding['related'];
  /** Overrides the configured severity, for rules with findings of different weight. */
  severity?: Severity;
}

export interface RuleContext {
  doc: SourceDocument;
  model: DocumentModel;
  linked: Linked;
  options: Record<string, unknown>;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
