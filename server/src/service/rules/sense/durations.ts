// Times written in prose, as commissioners write them: "within 24 hours", "the same working day",
// "no later than 5 working days", "within 14 days", "immediately", "48hrs", "one working day".
// Returned in hours so that they can be compared; a working day counts as 24 hours (the check is
// about the order of magnitude: hours or the same day against days or weeks).

export interface ProseDuration {
  hours: number;
  /** The words as written, for messages. */
  phrase: string;
  /** Offsets of the phrase in the text. */
  start: number;
  end: number;
  /** A report made on a cycle ("the monthly return"), not a time limit. */
  periodic?: boolean;
}

const numberWords: Record<string, number> = {
  one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, 'twenty-four': 24, 'twenty four': 24,
  thirty: 30, 'forty-eight': 48, 'forty eight': 48, 'seventy-two': 72, 'seventy two': 72,
};

const unitHours: Record<string, number> = { hour: 1, hr: 1, h: 1, day: 24, week: 168, month: 730 };

const num = `(\\d+(?:\\.\\d+)?|twenty[- ]four|forty[- ]eight|seventy[- ]two|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|an?)`;
// one pass over the text, no nested quantifiers: linear time
const amount = new RegExp(`\\b${num}(?:\\s*\\(\\d+\\))?[\\s-]*(working |business |calendar |clear )?(hours?|hrs?|h|days?|weeks?|months?)\\b`, 'gi');
const immediate = /\b(immediately|without delay|at once|straight away|forthwith|as soon as (?:possible|practicable|reasonably practicable)|the same (?:working |business )?day|same[- ]day|the next (?:working |business )?day|next[- ](?:working |business )?day|by the end of the (?:working |business )?day)\b/gi;

// A report made on a cycle ("in the monthly contract return", "at the quarterly review"): a record of
// what happened, reaching the council weeks later.
const periodic = /\b(weekly|fortnightly|monthly|quarterly|termly|six-monthly|half-yearly|annual|yearly)[ -](?:[a-z]+[ -]){0,2}?(reports?|returns?|meetings?|reviews?|submissions?|summar(?:y|ies)|data|dashboard|log)\b/gi;
const periodHours: Record<string, number> = { weekly: 168, fortnightly: 336, monthly: 730, quarterly: 2190, termly: 2920, 'six-monthly': 4383, 'half-yearly': 4383, annual: 8766, yearly: 8766 };

function immediateHours(phrase: string): number {
  const p = phrase.toLowerCase();
  if (p.includes('next')) return 24;
  if (p.includes('same') || p.includes('end of the')) return 8;
  if (p.startsWith('as soon as')) return 24;
  return 1;
}

/** Every time phrase in a text, in order. */
export function proseDurations(s: string): ProseDuration[] {
  const out: ProseDuration[] = [];
  amount.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = amount.exec(s))) {
    const raw = m[1].toLowerCase().replace(/\s+/g, ' ');
    const n = numberWords[raw] ?? Number(raw);
    const unit = m[3].toLowerCase().replace(/s$/, '');
    const h = unitHours[unit === 'hr' || unit === 'h' ? 'hour' : unit];
    if (!Number.isFinite(n) || h === undefined) continue;
    out.push({ hours: n * h, phrase: m[0], start: m.index, end: m.index + m[0].length });
  }
  immediate.lastIndex = 0;
  while ((m = immediate.exec(s))) out.push({ hours: immediateHours(m[0]), phrase: m[0], start: m.index, end: m.index + m[0].length });
  periodic.lastIndex = 0;
  while ((m = periodic.exec(s))) out.push({ hours: periodHours[m[1].toLowerCase()], phrase: m[0], start: m.index, end: m.index + m[0].length, periodic: true });
  return out.sort((a, b) => a.start - b.start);
}

/** A `duration` field value ("24 hours", "5 days") in hours. */
export function durationHours(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?) (hour|day|week|month|year)s?$/.exec(v.trim());
  if (!m) return undefined;
  const per: Record<string, number> = { hour: 1, day: 24, week: 168, month: 730, year: 8766 };
  return Number(m[1]) * per[m[2]];
}

/** "24 hours", "5 days", "2 weeks": hours said the way a commissioner would. */
export function sayHours(h: number): string {
  if (h <= 72 && (h < 24 || h % 24 !== 0 || h === 24 || h === 48 || h === 72)) return `${h} hour${h === 1 ? "" : "s"}`;
  if (h % 168 === 0 && h >= 168) return `${h / 168} week${h === 168 ? '' : 's'}`;
  if (h % 24 === 0) return `${h / 24} day${h === 24 ? '' : 's'}`;
  return `${h} hours`;
}
