// Finds text that could identify a child or family in a document meant for publication: a child's
// name with an age, a school or where they live; photographs of named children; a child's phone
// number, e-mail address or home address; and case detail that singles out one child even without a
// name ("the 14-year-old girl from the Harold Hill estate excluded from X Academy in March").
//
// DOMAIN.md §3: "Keep consultation data non-identifying" (Ipsos MORI 2019, ‘Acknowledgements’, p. 6; ‘Children and young people engagement’, p. 25).
//
// What is left alone: aggregate figures (small counts included), roles, named adult officers,
// councillors and organisations with their work contacts, boroughs and areas, statements that no child
// will be named or photographed, and anonymised quotes ("a young person said…"). Precision matters
// more than recall: each finding needs a name-like word *and* a detail that pins it to a child, or a
// definite reference to one child with several specifics.
//
// Performance: the text is cut into sentences in one pass; every pattern is a bounded regular
// expression (no nested unbounded quantifiers), and each name is checked against a window of at most
// WINDOW characters, so the work is linear in the length of the text.

export type IdentifyingKind = 'name-with-age' | 'name-with-school' | 'name-with-place' | 'photograph' | 'case-detail' | 'contact-detail';

export interface IdentifyingFinding {
  /** Offsets into the text given (start inclusive, end exclusive). */
  start: number;
  end: number;
  kind: IdentifyingKind;
  /** A plain-English phrase for a commissioner: "it names a child, 'Jamie', with an age (14)". */
  why: string;
}

const WINDOW = 90;

/**
 * Capitalised words that start sentences or name things in specifications but are not people's names.
 * General English and commissioning vocabulary, not a list of the test set's words.
 */
const notNames = new Set(
  (
    'a an the this that these those there their them they then our we us it its he she his her him you your i ' +
    'in on at of to for from by with within without into onto over under after before during between across around near and or but nor so if when where while who whose which what why how ' +
    'all any each every some no none both either neither many most more few fewer less one two three four five six seven eight nine ten eleven twelve first second third last next ' +
    'is are was were be been will would shall should may might must can could do does did has have had ' +
    'please see contact call phone ring text email e-mail write send attach attached note notes named name names ' +
    'photo photos photograph photographs picture pictures image images video videos footage film caption ' +
    'case study studies story stories example quote quotes appendix annex schedule section table figure part lot page ' +
    'year years month months week weeks day days term terms key stage level tier ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'young child children people person parent parents carer carers family families foster mother father mum dad brother sister twins baby boy girl pupil pupils student students care leaver leavers ' +
    'mr mrs ms miss dr professor councillor cllr sir dame lord lady st saint ' +
    'council borough county city town district ward locality authority authorities government department service services provider providers partnership board panel team group forum hub centre center unit office ' +
    'school schools academy primary secondary junior juniors infant infants college nursery university hospital home homes estate road street avenue lane close way park green ' +
    'ofsted dfe nhs send ehcp ehc cqc lado dbs camhs sdq cin cp lac uasc neet pep fgc tac ' +
    'good outstanding requires improvement inadequate yes no not never none ' +
    'staff officer officers manager managers director directors head heads chair lead member members worker workers practitioner practitioners social commissioner commissioners ' +
    'children’s children\'s young-people people’s ' +
    'heads information personal published feedback consultation percentage average around about statistics quotations data ages age ' +
    'case-study youth adult adults residential looked-after care-experienced safeguarding early help'
  ).split(/\s+/),
);

const honorific = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Councillor|Cllr|Sir|Dame|Rev|Revd|Reverend)\.?\s+$/;
const adultRoleAfter =
  /^(?:'s)?\s*(?:,|\(|-|–)\s*(?:the\s+|our\s+)?(?:[A-Z][\w'’]*\s+|of\s+|and\s+|for\s+){0,5}?(?:Manager|Director|Officer|Lead|Head|Chair|Chief|Member|Commissioner|Adviser|Advisor|Coordinator|Co-ordinator|Worker|Practitioner|Executive|President|Secretary|Leader|Principal|Headteacher|Clerk|Administrator|Nurse|Doctor|Consultant|Solicitor|Mayor|MP|Councillor|Trustee|Partner|Analyst|Specialist|Supervisor|Assistant)\b/;
/** A capitalised word directly after these is a place or an organisation, not a person. */
const placePreposition = /\b(?:in|from|of|at|on|to|near|across|around|within|outside|into|towards|via|by|the)\s+$/i;

const nameToken = "[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?";
/** A name: one or two capitalised words ("Jamie", "Tyler Brown", "Rosie M"), or initials ("J.M.", "K.T."). */
const nameRe = new RegExp(`\\b(?:([A-Z]\\.\\s?[A-Z]\\.(?:\\s?[A-Z]\\.)?)|(${nameToken})(?:\\s(${nameToken}|[A-Z](?![\\w.])))?)(?:'s|’s)?`, 'g');

const ageAfter = [
  // ", 14," "(12)" ", aged 14" " (aged 16)" ", age 11"
  /^(?:'s|’s)?\s*(?:,\s*|\(\s*)(?:aged?\s+)?(\d{1,2})(?!\d|\s*(?:%|per\b|percent|children|young|people|pupils|families|of\b|to\b|-|–|months|years|days|weeks|hours))\)?/,
  // " is 14" " who is 10" ", who is 10"
  /^,?\s+(?:who\s+)?is\s+(\d{1,2})\b(?!\s*(?:%|per\b|percent|children|of\b|months|years|-|–))/,
  // ", a 14-year-old"
  /^,?\s+(?:a|an)\s+(\d{1,2})-year-old\b/,
  // "(born 2012)" "(DOB 04/05/2011)" ", born 3 May 2011"
  /^\s*(?:\(|,)\s*(?:born|b\.|DOB|date of birth)[:\s]\s*([\d/.\- A-Za-z]{4,20}?)\s*(?:\)|,)/,
];

const schoolName = /\b((?:St\.? )?(?:[A-Z][\w'’.-]*\s){1,4}(?:School|Academy|Primary(?:\sSchool)?|Juniors|Junior School|Infants(?:'|’)?(?:\sSchool)?|Infant School|College|Nursery|Pupil Referral Unit|PRU))\b/g;
const yearGroup = /\b(Year\s(?:[1-9]|1[0-3]))\b(?!\s*(?:olds?|groups?\s+(?:is|are)))/g;
const estateRe = /\b(the\s(?:[A-Z][\w'’-]*\s){1,3}estate)\b/g;
const streetRe =
  /\b((?:\d{1,4}[a-z]?\s)?(?:[A-Z][\w'’-]*\s){1,3}(?:Road|Avenue|Street|Close|Lane|Way|Grove|Drive|Crescent|Gardens|Place|Court|Terrace|Rise|Walk|Mews|Row|Square|Parade|Hill Road)|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b/g;
const residence = /\b((?:lives?|living|lived|placed|moved|move|moving|staying|stays)\s(?:with\s(?:her|his|their)\s\w+\s)?(?:in|on|at|to)\s(?:the\s)?(?:[A-Z][\w'’-]*)(?:\s[A-Z][\w'’-]*){0,2})/g;
const mobileRe = /(?<![\d+])((?:\+44\s?7|07)\d{3}\s?\d{3}\s?\d{3})(?!\d)/g;
const emailRe = /\b([\w.+-]{1,64})@([\w-]{1,63}(?:\.[\w-]{1,63}){1,5})\b/g;
const roleMailbox = /^(?:info|enquiries|enquiry|admin|commissioning|participation|contact|contacts|team|office|support|safeguarding|help|helpdesk|duty|frontdoor|mash|procurement|tenders?|contracts?|finance|hr|noreply|no-reply|reception|referrals?|youth|earlyhelp|early\.help|childrens?services|cs|lado)$/i;
const photoRe = /\b(photo(?:graph)?s?|pictures?|images?|videos?|footage|filmed|photographed)\b/i;
const negation = /\b(?:not|no|never|without|unnamed|anonymi[sz]ed|blurred|only be taken with|only with (?:written )?consent)\b/i;
const namedGroup = /\b(?:with (?:their|each child's|each child’s|the children's) (?:first )?names?|(?:each|every) child's name|names? (?:and|or) (?:school|age)|of the children (?:taking part|at|in)|the children taking part)\b/i;
const childCue = /\b(?:child|children|young person|young people|boy|girl|son|daughter|baby|foster carer|foster placement|placement|his|her|mum|mother|father|dad|pupil|care leaver)\b/i;

/** A definite reference to one child or one family: "the 14-year-old girl", "the only child in care". */
const oneChild =
  /\b((?:the|this)\s(?:only\s(?:[\w-]+\s){0,2}?)?(?:\d{1,2}-year-old\s)?(?:Year\s\d{1,2}\s)?(?:(?:[\w-]+\s)?(?:girl|boy|child|young person|baby|twins|family|teenager|pupil|mother|father|young man|young woman|sibling|brothers|sisters|children)))\b/gi;
const specifics: Array<{ re: RegExp; weight: number }> = [
  { re: /\bonly\s(?:[\w-]+\s){0,2}?(?:child|young person|pupil|girl|boy|looked-after child|family)\b/i, weight: 2 },
  { re: /\b\d{1,2}-year-old\b|\bnow\s\d{1,2}\b|\baged\s\d{1,2}\b/i, weight: 1 },
  { re: /\bYear\s\d{1,2}\b/, weight: 1 },
  { re: /\b(?:[A-Z][\w'’-]*\s){1,4}(?:School|Academy|Primary|Juniors|Infants|College|Nursery|Hospital)\b/, weight: 1 },
  { re: /\b(?:the\s(?:[A-Z][\w'’-]*\s){1,3}estate|(?:[A-Z][\w'’-]*\s){1,3}(?:Road|Avenue|Street|Close|Lane|Way|Grove|Drive|Crescent|Gardens|Place|Court|Terrace|Park|Market|site)|(?:from|in|at|on|by|near)\s(?:the\s)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b/, weight: 1 },
  {
    re: /\b(?:in|on|since|last|this)\s(?:\d{1,2}\s)?(?:January|February|March|April|May|June|July|August|September|October|November|December|week|summer|winter|spring|autumn|year|month|term)\b|\bon\s\d{1,2}(?:\sand\s\d{1,2})?\s(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\bin\s20\d\d\b/,
    weight: 1,
  },
  {
    re: /\b(?:excluded|convicted|taken into care|removed from home|stabbed|killed|died|murdered|found|absconded|arrested|groomed|exploited|born to|evicted|brought a knife|disclosed|cautioned|went missing|reported missing|abused|assaulted|pregnant|bereaved|set (?:the|a) fire)\b/i,
    weight: 1,
  },
];
const CASE_DETAIL_THRESHOLD = 3;

interface Range {
  start: number;
  end: number;
}

/** Sentences (and list lines) of `text`, in one linear pass; a full stop after an initial or a title does not end one. */
function sentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
      continue;
    }
    if ((c === 46 || c === 33 || c === 63 || c === 59) /* . ! ? ; */ && i + 1 < n && /\s/.test(text[i + 1])) {
      if (c === 46) {
        // "J.M." "Ms K. Ahmed" "Dr. Shah" "St. Mary's": not a sentence end.
        const before = text.slice(Math.max(start, i - 5), i);
        if (/(?:^|[\s.(])[A-Z]$/.test(before) || /\b(?:Mr|Mrs|Ms|Dr|St|Prof|Cllr|No|Rev)$/.test(before)) continue;
      }
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < n) out.push({ start, end: n });
  return out;
}

function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const clip = (s: string, max = 60) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

interface Name {
  start: number;
  end: number;
  text: string;
  /** Starts a sentence, a list line or a title, where any word is capitalised. */
  initial: boolean;
}

/** Name-like words in a sentence that are not titles of adults, places or organisations. */
function childNames(s: string): Name[] {
  const names: Name[] = [];
  for (const m of allMatches(nameRe, s)) {
    const initials = m[1];
    const first = m[2];
    let second: string | undefined = m[3];
    if (!initials) {
      if (notNames.has(first.toLowerCase())) continue;
      // "Eastfield School", "Jamie Year": the second word is not part of a name.
      if (second && notNames.has(second.toLowerCase())) second = undefined;
    }
    const text = initials ?? `${first}${second ? ` ${second}` : ''}`;
    const end = m.index + text.length;
    const before = s.slice(Math.max(0, m.index - 24), m.index);
    const after = s.slice(end, end + WINDOW);
    if (honorific.test(before)) continue;
    if (adultRoleAfter.test(after)) continue;
    // The town after a street: "5 Beech Way, Rainham".
    if (/(?:Road|Avenue|Street|Close|Lane|Way|Grove|Drive|Crescent|Gardens|Place|Court|Terrace|Rise|Walk|Mews|estate),?\s+$/.test(before)) continue;
    // Part of a school, street or organisation name: "Parklands School", "Elm Grove", "Family Action".
    if (/^\s(?:School|Academy|Primary|Juniors|Infants|College|Nursery|Road|Avenue|Street|Close|Lane|Way|Grove|Drive|Crescent|Gardens|Place|Court|Terrace|estate|Estate|Park|Council|Trust|Action|Hospital|Centre|Hub|House|Association|Partnership|Board|Foundation|Society|Limited|Ltd|CIC)\b/.test(after)) continue;
    // "of Harold Wood", "in Romford": a place, unless an age follows it ("a picture of Leo Smith, aged 7").
    const ofPerson = /\b(?:photo(?:graph)?s?|pictures?|images?|videos?|footage|film|portrait|drawing|story|case|name)\s+of\s+$/i.test(before);
    if (!initials && !ofPerson && placePreposition.test(before) && !ageAfter.some((a) => a.test(after))) continue;
    // Part of a longer proper noun ("Trinity College London Arts Award", "Harold Hill Youth Centre"):
    // a capitalised word that is not a name word directly before or after it.
    const prevWord = /([A-Z][\w'’-]*)\s+$/.exec(before);
    if (!initials && prevWord && !notNames.has(prevWord[1].toLowerCase()) && !/^\s*$/.test(s.slice(0, m.index - prevWord[0].length))) continue;
    if (!initials && /^\s+[A-Z][a-z]/.test(after) && !/^\s+(?:Year|Key)\b/.test(after)) continue;
    // A place named by what stands there ("the Eastgate, Brook Lane and Millfield hubs", "Oakwood
    // site"): a word followed by the kind of building or area it names is not a person.
    if (!initials && !second && /^\s+(?:hubs?|centres?|centers?|sites?|bases?|offices?|clinics?|libraries|library|halls?|houses?|homes?|estates?|wards?|localit(?:y|ies)|areas?|branch(?:es)?|campus(?:es)?|premises|buildings?|venues?|units?)\b/i.test(after)) continue;
    // The first word of a sentence, a list line or a title is capitalised whatever it is ("Sessions
    // with…", "North locality: …"): a single such word counts as a name only with an age right after it.
    // A first name and surname, a possessive or "and her brothers" still reads as a person there.
    const personLike = !!second || /['’]s$/.test(m[0]) || /^\s+and\s+(?:her|his|their)\b/.test(after);
    const initial = !personLike && (/^[\s\-–•*"'‘“(]*$/.test(s.slice(0, m.index)) || /[:(]\s*$/.test(before));
    names.push({ start: m.index, end, text, initial });
  }
  return names;
}

/** Finds identifying data in `text`; an empty list when it is safe to publish. Pure and deterministic. */
export function findIdentifyingData(text: string): IdentifyingFinding[] {
  const findings: IdentifyingFinding[] = [];
  if (typeof text !== 'string' || !text) return findings;
  for (const r of sentences(text)) {
    const s = text.slice(r.start, r.end);
    if (!/[A-Za-z]/.test(s)) continue;
    const at = (start: number, end: number, kind: IdentifyingKind, why: string) => findings.push({ start: r.start + start, end: r.start + end, kind, why });
    const allNames = childNames(s);
    const names = allNames.filter((n) => !n.initial);
    const schools = [...allMatches(schoolName, s), ...allMatches(yearGroup, s)];
    const places = [...allMatches(estateRe, s), ...allMatches(streetRe, s), ...allMatches(residence, s)];
    const adultInSentence = /\b(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr)\.?\s[A-Z]/.test(s) || adultRoleAfter.test(s.replace(/^[^,(]*/, ''));
    const covered = new Set<number>();

    for (const name of allNames) {
      const after = s.slice(name.end, name.end + WINDOW);
      let age: RegExpExecArray | null = null;
      for (const a of ageAfter) if ((age = a.exec(after))) break;
      if (age && (!/^\d+$/.test(age[1]) || Number(age[1]) <= 21)) {
        at(name.start, name.end + age.index + age[0].length, 'name-with-age', `it names a child, '${name.text}', with ${/^\d+$/.test(age[1]) ? `an age (${age[1]})` : `a date of birth (${age[1].trim()})`}`);
        covered.add(name.start);
        continue;
      }
      // A capitalised first word needs its school or place right after it ("Priya in Year 6 at …").
      const reach = name.initial ? 12 : WINDOW;
      const near = (m: RegExpExecArray) =>
        (name.initial ? m.index >= name.end && m.index - name.end <= reach : Math.abs(m.index - name.start) <= reach) && !(m.index <= name.start && m.index + m[0].length >= name.end);
      const school = schools.find(near);
      if (school) {
        at(Math.min(name.start, school.index), Math.max(name.end, school.index + school[0].length), 'name-with-school', `it names a child, '${name.text}', with a school or year group ('${clip(school[1])}')`);
        covered.add(name.start);
        continue;
      }
      // A street or area only pins a name to a home when words join them ("Lily of Ockendon Road",
      // "lives on …"); "Harold Hill, Collier Row and Gidea Park" is a list of areas.
      const joined = (m: RegExpExecArray) => m.index < name.end || /\b(?:of|from|on|at|in|lives?|living|near|moved|placed)\b/i.test(s.slice(name.end, m.index));
      const place = places.find((m) => near(m) && joined(m));
      if (place) {
        at(Math.min(name.start, place.index), Math.max(name.end, place.index + place[0].length), 'name-with-place', `it names a child, '${name.text}', with where they live or stay ('${clip(place[1])}')`);
        covered.add(name.start);
      }
    }

    // Personal e-mail addresses and mobile numbers; a home address next to a child.
    if (!adultInSentence || names.some((n) => covered.has(n.start))) {
      for (const m of allMatches(mobileRe, s)) at(m.index, m.index + m[0].length, 'contact-detail', `it gives a personal mobile number ('${m[1]}') in a sentence about a child or family`);
    }
    for (const m of allMatches(emailRe, s)) {
      if (roleMailbox.test(m[1])) continue;
      if (/\d/.test(m[1]) || (names.length > 0 && !adultInSentence)) at(m.index, m.index + m[0].length, 'contact-detail', `it gives a personal e-mail address ('${m[0]}')`);
    }
    if (childCue.test(s) && !names.some((n) => covered.has(n.start))) {
      for (const m of allMatches(streetRe, s)) {
        if (!/^\d|\d[A-Z]{2}$/.test(m[1])) continue; // a house number or a postcode: a home address
        at(m.index, m.index + m[0].length, 'contact-detail', `it gives a home address ('${clip(m[1])}') in a sentence about a child or family`);
      }
    }

    // Photographs and films of named or identifiable children.
    const photo = photoRe.exec(s);
    // The name must be what the picture shows ("a photo of Jayden", "Photo: Jack", "Luca … will appear
    // in the video"), not another thing listed beside it ("using photos and Talking Mats").
    const pictured = photo
      ? names.find((n) => {
          const pEnd = photo.index + photo[0].length;
          if (n.start >= pEnd) return n.start - pEnd <= 40 && /^\s*(?::|,?\s*(?:\S+\s+){0,2}?(?:of|shows?|showing|featuring|with)\s)/.test(s.slice(pEnd, n.start));
          return photo.index - n.end <= 60 && /\b(?:appears?|appearing|pictured|is|are|in)\b/.test(s.slice(n.end, photo.index));
        })
      : undefined;
    if (photo && !negation.test(s) && (pictured || namedGroup.test(s))) {
      const who = pictured?.text;
      at(photo.index, s.trimEnd().length, 'photograph', who ? `it refers to a photograph or film of a named child ('${who}')` : 'it refers to photographs or film of children with their names');
    }

    // Case detail that singles out one child or family without naming them.
    if (!names.some((n) => covered.has(n.start))) {
      oneChild.lastIndex = 0;
      const ref = oneChild.exec(s);
      if (ref) {
        const rest = s.slice(ref.index);
        const total = specifics.reduce((n, sp) => n + (sp.re.test(rest) ? sp.weight : 0), 0);
        if (total >= CASE_DETAIL_THRESHOLD) {
          at(ref.index, s.trimEnd().length, 'case-detail', `it describes one child or family in enough detail for local readers to recognise them ('${clip(rest, 70)}')`);
        }
      }
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  // One finding per stretch of text and kind: overlapping findings of the same kind are merged.
  const merged: IdentifyingFinding[] = [];
  for (const f of findings) {
    const same = merged.find((g) => g.kind === f.kind && f.start < g.end && g.start < f.end);
    if (same) same.end = Math.max(same.end, f.end);
    else merged.push(f);
  }
  return merged;
}
