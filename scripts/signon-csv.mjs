// A sign-on CSV as a public form collects it, generated deterministically (same n, same bytes) for
// the import benchmark and the planner tests: organisations and individuals from many countries,
// with the mistakes real submissions hold — the same row sent twice, a name typed without its
// accents, a typo, an acronym, one e-mail address under two names.
const PREFIXES = [
  'Citizens',
  'Alliance',
  'Coalition',
  'Network',
  'Committee',
  'Association',
  'Centre',
  'Foundation',
  'Forum',
  'Council',
  'Union',
  'Society',
  'Movement',
  'League',
  'Institute',
  'Initiative',
  'Federation',
  'Assembly',
  'Watch',
  'Friends',
  'Solidarity',
  'Campaign',
  'Project',
  'Circle',
  'Collective',
  'Office',
  'Bureau',
  'Commission',
  'Observatory',
  'Platform',
];
const CAUSES = [
  'Human Rights',
  'Refugees',
  'Democracy',
  'Justice',
  'Freedom of Expression',
  'Press Freedom',
  'Transitional Justice',
  'Women and Children',
  'Religious Freedom',
  'Separated Families',
  'Abductees',
  'Prisoners of Conscience',
  'Labour Rights',
  'Minority Rights',
  'Peace',
  'Truth and Reconciliation',
  'Food Security',
  'Asylum Seekers',
  'the Disappeared',
  'Civil Liberties',
  'Accountability',
  'Migrant Workers',
  'Detainees',
  'Legal Aid',
  'Youth',
];
const PLACES = [
  'Seoul',
  'Tokyo',
  'Osaka',
  'Busan',
  'Geneva',
  'London',
  'Paris',
  'Lyon',
  'Madrid',
  'Barcelona',
  'Berlin',
  'München',
  'Zürich',
  'Wien',
  'Praha',
  'Kraków',
  'Warszawa',
  'Vilnius',
  'Riga',
  'Tallinn',
  'Helsinki',
  'Stockholm',
  'Oslo',
  'København',
  'Amsterdam',
  'Bruxelles',
  'Liège',
  'Genève',
  'Milano',
  'Roma',
  'Lisboa',
  'São Paulo',
  'Bogotá',
  'Ciudad de México',
  'Lima',
  'Santiago',
  'Buenos Aires',
  'Montréal',
  'Toronto',
  'New York',
  'Washington',
  'Los Angeles',
  'Sydney',
  'Jakarta',
  'Manila',
  'Bangkok',
  'Ulaanbaatar',
  'Taipei',
  'Hong Kong',
  'Kathmandu',
];
const LINKS = ['for', 'of', 'and'];
const GIVEN = [
  'Min-ji',
  'Ji-hoon',
  'Seo-yeon',
  'Hyun-woo',
  'Yuki',
  'Haruto',
  'Sakura',
  'Wei',
  'Li Na',
  'José',
  'María',
  'François',
  'Amélie',
  'Zoë',
  'Jürgen',
  'Søren',
  'Agnieszka',
  'Łukasz',
  'Ana',
  'João',
  'Fatima',
  'Ahmed',
  'Olga',
  'Dmitri',
  'Anna',
  'Peter',
  'Sarah',
  'David',
  'Emma',
  'Lucas',
  'Chloé',
  'Mateo',
  'Nadia',
  'Tomás',
  'Inés',
  'Kwame',
  'Amara',
  'Thabo',
  'Priya',
  'Arjun',
];
const FAMILY = [
  'Kim',
  'Lee',
  'Park',
  'Choi',
  'Jung',
  'Tanaka',
  'Suzuki',
  'Watanabe',
  'Wang',
  'Zhang',
  'García',
  'Fernández',
  'Martínez',
  'Dubois',
  'Lefèvre',
  'Müller',
  'Schröder',
  'Nielsen',
  'Kowalski',
  'Nowak',
  'Silva',
  'Gonçalves',
  'Haddad',
  'Ivanova',
  'Petrov',
  'Smith',
  'Jones',
  'Brown',
  'Taylor',
  'Wilson',
  'Moreau',
  'Rossi',
  'Bianchi',
  'Mensah',
  'Okafor',
  'Dlamini',
  'Sharma',
  'Patel',
  'Nguyen',
  'Tran',
];
const COUNTRIES = ['KR', 'JP', 'FR', 'ES', 'DE', 'GB', 'US', 'CA', 'BR', 'AU', 'CH', 'PL', 'IT', 'MX', 'PH', 'TW'];

/** A small seeded generator (mulberry32): the same seed gives the same file on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stripAccents = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** One letter of the name replaced, as a hurried typist does. */
function typo(name, rnd) {
  const i = 1 + Math.floor(rnd() * (name.length - 2));
  if (!/\p{L}/u.test(name[i])) return name;
  return name.slice(0, i) + (name[i] === 'e' ? 'a' : 'e') + name.slice(i + 1);
}

/**
 * `n` data rows after the header: name, kind, country, contact person, e-mail. About 5 % are
 * mistakes (repeats, accent-free or misspelt repeats, a second name for one e-mail address).
 */
export function signOnCsv(n, seed = 13) {
  const rnd = random(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const used = new Set();
  const rows = [];
  const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  while (rows.length < n) {
    const i = rows.length;
    const earlier = rows.length ? rows[Math.floor(rnd() * rows.length)] : undefined;
    const roll = rnd();
    let row;
    if (earlier && roll < 0.01) row = { ...earlier };
    else if (earlier && roll < 0.02) row = { ...earlier, name: stripAccents(earlier.name).toUpperCase() };
    else if (earlier && roll < 0.03) row = { ...earlier, name: typo(earlier.name, rnd) };
    else if (earlier && roll < 0.04) row = { ...fresh(i), email: earlier.email };
    else row = fresh(i);
    rows.push(row);
  }
  return [
    'Name,Type,Country,Contact person,Email Address',
    ...rows.map((r) => [r.name, r.kind, r.country, r.person, r.email].map(quote).join(',')),
  ].join('\n');

  function fresh(i) {
    for (;;) {
      const individual = rnd() < 0.4;
      let name;
      if (individual) name = `${pick(GIVEN)} ${pick(FAMILY)}${rnd() < 0.97 ? ` ${pick(FAMILY)}` : ''}`;
      else {
        name = `${pick(PREFIXES)} ${pick(LINKS)} ${pick(CAUSES)} ${pick(PLACES)}`;
        if (rnd() < 0.1) name = `${name} (${acronym(name)})`;
      }
      if (used.has(name)) continue;
      used.add(name);
      const person = individual ? '' : `${pick(GIVEN)} ${pick(FAMILY)}`;
      return {
        name,
        kind: individual ? 'individual' : 'organisation',
        country: pick(COUNTRIES),
        person,
        email: `signer${i}@example.org`,
      };
    }
  }
}

function acronym(name) {
  return name
    .split(' ')
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .slice(0, 6);
}
