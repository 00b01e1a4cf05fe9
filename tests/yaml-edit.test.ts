import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { YamlEdit } from '../src/draft/yaml-edit.js';

/** A campaign as a coordinator keeps it: comments everywhere, a folded paragraph, flow and block lists. */
const CAMPAIGN = `# The 2020 letter. This comment must survive.
id: 2020-test-letter   # the file's name
date: 2020-03-01
locales: [en, ko]
params: { country_short: DPRK }
recipient:
  # who it is addressed to
  name: Kim Jong Un
  titles: [Chairman of the State Affairs Commission]
salutation: 'Dear Chairman Kim,'
opening:
  - >-
    We write to you about detention, in a paragraph long enough to be folded
    over two lines by its author.
# The body: demand blocks in order.
sections:
  - heading: Detention
    demands: [icrc-visits]
signatories: # sign-on of March
  - open-north-korea
  - amnesty-international
missions: [embassy-london] # the one we visit
`;

describe('YamlEdit (yaml CST)', () => {
  it('edits a campaign as `new --from` does and leaves every other byte as written', () => {
    const edit = new YamlEdit(CAMPAIGN);
    edit.setValue(['id'], '2026-again');
    edit.setValue(['date'], '2026-11-23');
    edit.setValue(['signatories'], []);
    edit.setValue(['recipient', 'name'], 'Ri Son: Gwon');
    edit.remove(['sections']);
    edit.addKey([], 'sections', [{ demands: ['join-ilo', 'icrc-visits'] }], { blockList: true });
    edit.addKey(['params'], 'country', 'the DPRK');
    edit.setValue(['params', 'country_short'], 'North Korea');
    expect(edit.toString()).toBe(`# The 2020 letter. This comment must survive.
id: 2026-again   # the file's name
date: 2026-11-23
locales: [en, ko]
params: { country_short: North Korea, country: the DPRK }
recipient:
  # who it is addressed to
  name: "Ri Son: Gwon"
  titles: [Chairman of the State Affairs Commission]
salutation: 'Dear Chairman Kim,'
opening:
  - >-
    We write to you about detention, in a paragraph long enough to be folded
    over two lines by its author.
# The body: demand blocks in order.
signatories: [] # sign-on of March
missions: [embassy-london] # the one we visit
sections:
  - demands: [join-ilo, icrc-visits]
`);
  });

  it('appends to block and flow lists, and adds keys to an entry, as `signatories import --write` does', () => {
    const roster = `# The roster. Keep me.
signatories:
  # organisations first
  - id: amnesty
    name: Amnesty International   # as they sign
    kind: organisation
  - id: jane-doe
    name: Jane Doe
    kind: person
    signed: [2011-letter]
# end of the roster`;
    const edit = new YamlEdit(roster);
    edit.append(['signatories', 1, 'signed'], ['2020-test-letter']);
    edit.addKey(['signatories', 0], 'contact', { person: 'Jo Doe', email: 'info@amnesty.example' });
    edit.append(
      ['signatories'],
      [{ id: 'free-speech', name: '"Free Speech" Network', kind: 'organisation', signed: ['2020-test-letter'] }],
    );
    expect(edit.toString()).toBe(`# The roster. Keep me.
signatories:
  # organisations first
  - id: amnesty
    name: Amnesty International   # as they sign
    kind: organisation
    contact:
      person: Jo Doe
      email: info@amnesty.example
  - id: jane-doe
    name: Jane Doe
    kind: person
    signed: [2011-letter, 2020-test-letter]
  - id: free-speech
    name: '"Free Speech" Network'
    kind: organisation
    signed: [2020-test-letter]
# end of the roster`);
  });

  it('removes keys with their values, keeping the comments above them', () => {
    const translation = `# Korean, reviewed by the Seoul office
recipient:
  name: 김정은
  # the title as the Seoul office writes it
  titles: [국무위원장]
salutation: 김정은 위원장님께
# closing words
closing: [답변을 기다리겠습니다.]
`;
    const edit = new YamlEdit(translation);
    edit.remove(['recipient', 'name']);
    edit.remove(['salutation']);
    edit.remove(['closing']);
    expect(edit.toString()).toBe(`# Korean, reviewed by the Seoul office
recipient:
  # the title as the Seoul office writes it
  titles: [국무위원장]
# closing words
`);
  });

  it('writes the whole Document where the layout leaves no token to edit, and the result means the same', () => {
    const edit = new YamlEdit('params: { only: x }\n');
    edit.remove(['params', 'only']);
    expect(parse(edit.toString())).toEqual({ params: {} });
  });
});
