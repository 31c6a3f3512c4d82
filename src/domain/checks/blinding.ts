/**
 * Findings leave the panel blinded where the group's document asks for confidentiality
 * (Southampton TI: "the information must be appropriately 'blinded' and anonymous so that
 * identities are protected"; Torus TIMS: a breach of the confidentiality agreement ends
 * membership). Inspectors become "Inspector 1..n", and free text loses the names of people the
 * bot knows, UK postcodes, house-number-and-street addresses, email addresses and phone numbers.
 * Pure: the caller passes the names in. Where a pattern is unsure, it removes: a needless
 * [address] costs a reader a word, a leaked one costs a tenant their privacy.
 */

export const BLINDED_KINDS = ['name', 'postcode', 'address', 'email', 'phone'] as const;
export type BlindedKind = (typeof BLINDED_KINDS)[number];
export type RemovedCounts = Record<BlindedKind, number>;

export interface BlindedText {
  text: string;
  removed: RemovedCounts;
}

export function noneRemoved(): RemovedCounts {
  return { name: 0, postcode: 0, address: 0, email: 0, phone: 0 };
}

export function addRemoved(a: RemovedCounts, b: RemovedCounts): RemovedCounts {
  return {
    name: a.name + b.name,
    postcode: a.postcode + b.postcode,
    address: a.address + b.address,
    email: a.email + b.email,
    phone: a.phone + b.phone,
  };
}

const PLURALS: Record<BlindedKind, string> = {
  name: 'names',
  postcode: 'postcodes',
  address: 'addresses',
  email: 'email addresses',
  phone: 'phone numbers',
};

/** "2 names, 1 postcode", or "nothing" when the text had nothing to remove. */
export function describeRemoved(removed: RemovedCounts): string {
  const parts = BLINDED_KINDS.filter((kind) => removed[kind] > 0).map(
    (kind) =>
      `${removed[kind]} ${removed[kind] === 1 ? (kind === 'email' ? 'email address' : kind === 'phone' ? 'phone number' : kind) : PLURALS[kind]}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Full UK postcodes (outward code, optional space, inward code), any case: "L1 8JQ", "SO14 7LY",
 * "M32 0QQ", "so147ly". An outward code alone ("SO14") names a district of thousands, so it stays.
 */
const POSTCODE = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![\p{L}\p{N}])/giu;

const STREET_WORDS = [
  'road',
  'rd',
  'street',
  'st',
  'avenue',
  'ave',
  'lane',
  'ln',
  'close',
  'drive',
  'dr',
  'way',
  'court',
  'ct',
  'crescent',
  'place',
  'pl',
  'gardens',
  'grove',
  'terrace',
  'walk',
  'square',
  'hill',
  'row',
  'mews',
  'park',
  'parade',
  'view',
  'rise',
  'green',
  'house',
  'tower',
]
  // The street word may be capitalised or not ("Elm Road", "Elm road"); the words before it must be.
  .map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`)
  .join('|');

/**
 * A house number and a street: "4 Elm Road", "12a Church St.", "Flat 3, 27 Victoria Avenue".
 * The street's own words must be capitalised so "took 2 hours to park" stays; the number,
 * "Flat n" and a trailing town are not needed for a match.
 */
const ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:[Ff]lat|[Aa]partment|[Aa]pt|[Uu]nit)\s+\d{1,4}[a-z]?,?\s+)?\d{1,4}[a-z]?(?:-\d{1,4}[a-z]?)?,?\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:${STREET_WORDS})(?![\p{L}\p{N}])\.?`,
  'gu',
);

/**
 * The same, all in lower case ("4 elm road"), for the words that are nearly always streets, so
 * a tenant who types without capitals is not left exposed. Words such as "close", "park" and
 * "way" are left out here: "2 hours to close" is not an address.
 */
const LOWER_ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d{1,4}[a-z]?,?\s+(?:[\p{Ll}'’-]+\s+){1,2}(?:road|street|avenue|crescent|terrace|gardens)(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * UK phone numbers: 11 digits starting 0 ("07700 900123", "0151 555 0199", "(0151) 555-0199")
 * or +44 and 10 digits ("+44 7700 900123", "+44 (0)151 555 0199"), spaced or dashed any way.
 */
const PHONE = /(?<![\p{N}+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s)-]{0,2}\d){8,9}(?![\p{N}])/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One apostrophe is as good as another: people type ' and their phones type ’. */
function apostrophes(pattern: string): string {
  return pattern.replace(/['’]/g, "['’]");
}

/**
 * A name is matched whole: not inside a longer word ("Ann" in "Annual" or "planning") nor inside
 * a hyphenated one ("Smith" in "Smith-Jones", a different person), but a possessive "Ann's" is
 * Ann's. Spaces between a name's parts may be any run of spaces.
 */
function namePattern(name: string, flags: string): RegExp {
  const body = name
    .split(/\s+/)
    .map((part) => apostrophes(escapeRegExp(part)))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}]|-\\p{L})`, flags);
}

/**
 * Single parts of a known name are removed only when written with a capital ("Hall" goes, "the
 * hall was clean" stays) and only when they are at least 3 letters, so initials and "Al" do not
 * eat ordinary words.
 */
function nameParts(names: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const name of names)
    for (const part of name.split(/\s+/))
      if (part.replace(/['’-]/g, '').length >= 3) parts.add(part);
  return [...parts];
}

function replaceCounting(
  text: string,
  pattern: RegExp,
  token: string,
  count: (n: number) => void,
  accept: (match: string) => boolean = () => true,
): string {
  let n = 0;
  const out = text.replace(pattern, (match) => {
    if (!accept(match)) return match;
    n += 1;
    return token;
  });
  count(n);
  return out;
}

/** Names worth looking for: trimmed, de-duplicated, longest first so "Ann Hall" goes before "Ann". */
function usableNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name.replace(/['’\s-]/g, '').length < 2) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out.sort((a, b) => b.length - a.length);
}

/** Blinds one piece of free text, saying how many of each kind it removed. */
export function blindText(text: string, knownNames: readonly string[]): BlindedText {
  const removed = noneRemoved();
  let out = text;
  // Emails first: their local parts hold names and digits the later patterns would half-match.
  out = replaceCounting(out, EMAIL, '[email]', (n) => (removed.email += n));
  out = replaceCounting(out, POSTCODE, '[postcode]', (n) => (removed.postcode += n));
  out = replaceCounting(out, ADDRESS, '[address]', (n) => (removed.address += n));
  out = replaceCounting(out, LOWER_ADDRESS, '[address]', (n) => (removed.address += n));
  out = replaceCounting(
    out,
    PHONE,
    '[phone]',
    (n) => (removed.phone += n),
    (match) => {
      const digits = match.replace(/\D/g, '');
      return digits.startsWith('44') ? digits.length >= 12 : digits.length === 11;
    },
  );
  const names = usableNames(knownNames);
  for (const name of names)
    out = replaceCounting(out, namePattern(name, 'giu'), '[name]', (n) => (removed.name += n));
  for (const part of nameParts(names).sort((a, b) => b.length - a.length)) {
    const capitalised = part.charAt(0).toUpperCase() + part.slice(1);
    out = replaceCounting(
      out,
      namePattern(capitalised, 'gu'),
      '[name]',
      (n) => (removed.name += n),
    );
  }
  return { text: out, removed };
}

/** Blinds several texts, with the total removed. */
export function blindTexts(
  texts: readonly string[],
  knownNames: readonly string[],
): { texts: string[]; removed: RemovedCounts } {
  let removed = noneRemoved();
  const out = texts.map((t) => {
    const blinded = blindText(t, knownNames);
    removed = addRemoved(removed, blinded.removed);
    return blinded.text;
  });
  return { texts: out, removed };
}

/**
 * Inspectors by number, in the order given (the order they were offered the check, so the
 * numbers stay the same each time the same findings are shown): "Inspector 1", "Inspector 2".
 */
export function inspectorLabels(personIds: readonly string[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const id of personIds) if (!labels.has(id)) labels.set(id, `Inspector ${labels.size + 1}`);
  return labels;
}
