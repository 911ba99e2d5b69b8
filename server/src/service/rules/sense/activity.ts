// What a measure counts, read from the head of its description: the noun phrase before the first
// word that starts a qualifier ('Supervising social worker visits | to each foster household',
// 'Total attendances | at open-access sessions', 'Nights | of short breaks delivered'). When the
// thing counted is a unit of activity, the measure counts the service's work, not a change for
// children. 'Young people | who attend five sessions' counts young people, so it is not read as
// activity here.

/** Units a service counts its own work in: sessions held, visits made, places filled. */
const workUnits = ['sessions?', 'attendances?', 'attendees?', 'visits?', 'contacts?', 'referrals?', 'assessments?', 'hours?', 'nights?', 'appointments?', 'calls?', 'courses?', 'workshops?', 'events?', 'enrolments?', 'registrations?', 'places?', 'beds?', 'plans?', 'reviews?', 'meetings?', 'groups?', 'classes', 'activit(?:y|ies)'];
const whole = (words: string[]) => new RegExp(`^(${words.join('|')})$`, 'i');

/** A unit a payment may be counted in ('£85 per session') or a condition may count: paying per one is paying for volume. */
export const paymentActivityUnit = whole([...workUnits, 'participants?']);
/** The head of a measure that counts the service's work ('visits', 'offers of a carer', 'stays'). */
const activityNoun = whole([...workUnits, 'offers?', 'breaks?', 'stays?', 'interventions?', 'packages?']);
const qualifier = /^(who|whose|that|which|where|when|with|in|at|per|to|for|by|from|of|on|between|during|across|within|under|over|after|before|as|and|or)$/i;
const lead = /^(the|a|an|total|number|numbers|count|counts|average|mean|median|monthly|weekly|quarterly|annual|yearly)$/i;

/** The activity noun at the head of a measure's description, if that is what it counts. */
export function headActivity(description: string): string | undefined {
  const words = description.trim().split(/\s+/).map((w) => w.replace(/[^A-Za-z-]/g, ''));
  let i = 0;
  while (i < words.length && (lead.test(words[i]) || (words[i].toLowerCase() === 'of' && i > 0 && lead.test(words[i - 1])))) i++;
  const head: string[] = [];
  for (; i < words.length && head.length < 6; i++) {
    const w = words[i];
    if (!w) continue;
    if (qualifier.test(w) && !(w.toLowerCase() === 'or' || w.toLowerCase() === 'and')) break;
    head.push(w);
  }
  return head.find((w) => activityNoun.test(w))?.toLowerCase();
}

/** A measure that times the service: 'Working days from placement request to the agency's offer'. */
export function timesTheService(description: string): boolean {
  return /^(?:(?:median|average|mean)\s+)?(?:(?:working|calendar|school)\s+)?(?:time|days?|weeks?|hours?|months?)\b[^.]{0,60}\b(?:from|between|until|before)\b/i.test(description.trim());
}
