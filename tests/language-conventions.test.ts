import { unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { applyPunctuationSpace, applyTypography, type TypographyRules } from '../src/compose/typography.js';
import { sourceRange } from '../src/model/offset-map.js';
import { signatureList } from '../src/compose/signature-list.js';
import { insertText, noteOffset, noteText } from '../src/compose/quotation-note.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { composeLetter } from '../src/compose/compose-letter.js';
import type { Campaign, Project, Signatory } from '../src/model/project.js';
import { inlineText } from '../src/model/letter-document.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { renderHtml } from '../src/render/html/render-html.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { REPO } from './helpers/workspace.js';

/** Each language by its own conventions, from data: punctuation spacing, collation, dates. */
const FRENCH = { before: ';:!?»', after: '«' };

describe('French punctuation spacing', () => {
  it('turns typed spaces into no-break spaces (narrow before ; ! ?)', () => {
    expect(applyPunctuationSpace('Copie : voir ci-dessous ; merci ! « texte »', FRENCH).text).toBe(
      'Copie\u00A0: voir ci-dessous\u202F; merci\u202F! «\u00A0texte\u00A0»',
    );
  });

  it('reports a mark glued to its word, but not URLs, times or a language without the rule', () => {
    expect(applyPunctuationSpace('Quoi? Copie:', FRENCH).missing).toEqual(['i?', 'e:']);
    expect(applyPunctuationSpace('voir https://example.org à 10:30', FRENCH).missing).toEqual([]);
    expect(applyPunctuationSpace('Really? Yes: no.', undefined)).toEqual({ text: 'Really? Yes: no.', missing: [] });
  });

  it('the bundled French letters carry no-break spaces before their colons', () => {
    const p = loadWorkspace(REPO).value;
    const r = composeLetter(p, '2018-kim-jong-un', 'fr');
    expect(r.diagnostics.filter((d) => d.code === 'text/typography')).toEqual([]);
    const text = r.value!.texts.map((t) => t.text).join('\n');
    expect(text).not.toMatch(/ [;:!?»]/);
    expect(text).toMatch(/\u00A0:/);
  });
});

describe('quotation marks and tied number pairs', () => {
  const ENGLISH = { quotes: '“”‘’', punctuationSpace: undefined };
  const typeset = (text: string, rules: TypographyRules = ENGLISH) => applyTypography(text, rules).text;

  it('curls straight quotes and apostrophes, inner quotes included, and leaves an escaped quote straight', () => {
    expect(typeset(`the "Korea's" case, 'inner' in the '90s`)).toBe('the “Korea’s” case, ‘inner’ in the ’90s');
    expect(typeset(`("quoted") and \\"kept\\"`)).toBe('(“quoted”) and \\"kept\\"');
  });

  it("sets each language's marks: French « » with no-break spaces inside, Japanese 「」", () => {
    expect(typeset(`il a dit "c'est 'bon'" ici`, { quotes: '«»“”', punctuationSpace: FRENCH })).toBe(
      'il a dit «\u00A0c’est “bon”\u00A0» ici',
    );
    expect(typeset('"人道に対する罪"と\'北朝鮮\'', { quotes: '「」『』', punctuationSpace: undefined })).toBe(
      '「人道に対する罪」と『北朝鮮』',
    );
  });

  it('ties an abbreviation to its number and a number to the word it counts, not a year to the next clause', () => {
    expect(typeset('Resolution No. 182 of 15 April, after 23 months; § 3. In 2017, the UN')).toBe(
      'Resolution No.\u00A0182\u00A0of 15\u00A0April, after 23\u00A0months; §\u00A03. In 2017, the UN',
    );
    expect(typeset('le 15 avril, 23 mois, art. 5, 200 000 enfants')).toBe(
      'le 15\u00A0avril, 23\u00A0mois, art.\u00A05, 200\u00A0000\u00A0enfants',
    );
    expect(typeset('있습니다. 20만 명')).toBe('있습니다. 20만 명');
  });

  it('maps the typeset text back to what was written, so findings after a curled quote stay in place', () => {
    const r = applyTypography(`"l'homme" : x`, { quotes: '«»“”', punctuationSpace: FRENCH });
    const x = r.text.indexOf('x');
    expect(sourceRange(r.offsets, x, 1)).toEqual([12, 13]);
  });

  it('the bundled English and Spanish letters print no straight quote or apostrophe', () => {
    const p = loadWorkspace(REPO).value;
    for (const lang of ['en', 'es']) {
      const text = composeLetter(p, '2018-kim-jong-un', lang)
        .value!.texts.map((t) => t.text)
        .join('\n');
      expect(text).not.toMatch(/['"]/);
      expect(text).toMatch(/No.\u00A0\d|\d\u00A0\p{L}/u);
    }
  });
});

describe('collation of signatories', () => {
  const span = { file: 'signatories.yaml', start: 0, end: 1 };
  const s = (id: string, name: string, extra: Partial<Signatory> = {}): Signatory => ({
    id,
    name: { text: name, span },
    kind: 'organisation',
    country: undefined,
    aliases: [],
    names: new Map(),
    sortAs: new Map(),
    contact: undefined,
    span,
    ...extra,
  });
  const names = (
    list: Signatory[],
    code: string,
    tag: string,
    local?: Map<string, { name: string; sortAs: string | undefined }>,
  ) => signatureList(list, { code, tag, ...(local ? { signatoryNames: local } : {}) }, 'collation').map((e) => e.name);

  it('sorts accented letters with their base letter in French, not after z', () => {
    expect(names([s('z', 'Zéro'), s('e', 'Évian Rights'), s('a', 'Amnesty')], 'fr', 'fr-FR')).toEqual([
      'Amnesty',
      'Évian Rights',
      'Zéro',
    ]);
  });

  it('ignores punctuation and files "The …" under its sort key', () => {
    expect(
      names(
        [
          s('t', 'The Simon Wiesenthal Center', { sortAs: new Map([['', 'Simon Wiesenthal Center']]) }),
          s('f', 'Free NK Gulag'),
          s('fh', 'Freedom House'),
        ],
        'en',
        'en-US',
      ),
    ).toEqual(['Freedom House', 'Free NK Gulag', 'The Simon Wiesenthal Center']);
  });

  it('sorts Korean names in 가나다 order and puts individuals after organisations', () => {
    const list = [
      s('b', 'Human Rights Watch'),
      s('a', 'Amnesty International'),
      s('p', '홍길동', { kind: 'individual' }),
    ];
    const local = new Map([
      ['a', { name: '국제앰네스티', sortAs: undefined }],
      ['b', { name: '휴먼라이츠워치', sortAs: undefined }],
    ]);
    expect(names(list, 'ko', 'ko-KR', local)).toEqual(['국제앰네스티', '휴먼라이츠워치', '홍길동']);
  });

  it('sorts Japanese kanji names by their kana sort key, where collation of kanji is meaningless', () => {
    const list = [s('a', 'A'), s('b', 'B'), s('c', 'C')];
    const local = new Map([
      ['a', { name: '特定失踪者問題調査会', sortAs: 'とくていしっそうしゃもんだいちょうさかい' }],
      ['b', { name: '北朝鮮難民救援基金', sortAs: 'きたちょうせんなんみんきゅうえんききん' }],
      ['c', { name: 'アムネスティ・インターナショナル', sortAs: undefined }],
    ]);
    expect(names(list, 'ja', 'ja-JP', local)).toEqual([
      'アムネスティ・インターナショナル',
      '北朝鮮難民救援基金',
      '特定失踪者問題調査会',
    ]);
  });
});

describe('signatories as they signed', () => {
  const span = { file: 'signatories.yaml', start: 0, end: 1 };
  const org = (id: string, name: string, country?: string): Signatory => ({
    id,
    name: { text: name, span },
    kind: 'organisation',
    country,
    aliases: [],
    names: new Map(),
    sortAs: new Map(),
    contact: undefined,
    span,
  });
  const list = [
    org('a', 'Asian Human Rights Association of Japan', 'JP'),
    org('b', 'Odhikar - Bangladesh', 'BD'),
    org('c', 'NKnet', 'KR'),
    org('d', 'PSALT NK', 'US'),
  ];
  const signed = {
    forms: new Map([
      ['c', { as: 'Network for North Korean Democracy and Human Rights' }],
      ['d', { country: false as const }],
    ]),
    countryNames: new Map([['KR', 'ROK']]),
    style: 'parentheses' as const,
  };
  const shown = (
    code: string,
    tag: string,
    source: boolean,
    local?: Map<string, { name: string; sortAs: undefined }>,
  ) =>
    signatureList(list, { code, tag, ...(local ? { signatoryNames: local } : {}) }, 'as-listed', {
      ...signed,
      source,
    }).map((e) => [e.name, e.country]);

  it('in the source language: the name and country as signed, none where it gave none, never twice', () => {
    expect(shown('en', 'en-US', true)).toEqual([
      ['Asian Human Rights Association of Japan', undefined],
      ['Odhikar - Bangladesh', undefined],
      ['Network for North Korean Democracy and Human Rights', 'ROK'],
      ['PSALT NK', undefined],
    ]);
  });

  it("in a translation: the language's own names and country names, still none where it gave none", () => {
    const local = new Map([['a', { name: '日本アジア人権協会日本', sortAs: undefined }]]);
    expect(shown('ja', 'ja-JP', false, local)).toEqual([
      ['日本アジア人権協会日本', undefined],
      ['Odhikar - Bangladesh', 'バングラデシュ'],
      ['Network for North Korean Democracy and Human Rights', '韓国'],
      ['PSALT NK', undefined],
    ]);
  });

  describe("a country as signed and the language's own country names", () => {
    const apdp = org('apdp', 'Association of Parents of Disappeared Persons (APDP)', 'IN');
    const dhrp = org('dhrp', 'Defence of Human Rights', 'PK');
    const arnka = org('arnka', 'ARNKA', 'TH');
    const hak = org('hak', 'HAK Association', 'TL');
    const nk = org('nk', 'NKnet', 'KR');
    const asSigned = {
      forms: new Map([
        ['apdp', { country: 'Kashmir' }],
        ['dhrp', { country: 'Pakistan' }],
        ['nk', { country: 'ROK' }],
      ]),
      countryNames: new Map([['KR', 'ROK']]),
      style: 'after-comma' as const,
      source: false,
      sourceTag: 'en-US',
    };
    const t = (text: string) => ({ text });
    const countries = (
      tag: string,
      locale: { countryNames?: Map<string, { text: string }>; placeNames?: Map<string, { text: string }> },
    ) =>
      signatureList([apdp, dhrp, arnka, hak, nk], { code: tag, tag, ...locale }, 'as-listed', asSigned).map(
        (e) => e.country,
      );

    it("prints a place that is not the state as signed, in the language's form: Kashmir, never India (AR-05)", () => {
      expect(countries('ar', { placeNames: new Map([['Kashmir', t('كشمير')]]) })[0]).toBe('كشمير');
      expect(countries('fr', { placeNames: new Map([['Kashmir', t('Cachemire')]]) })[0]).toBe('Cachemire');
      // No form in the language: as written (check warns), not the roster's state.
      expect(countries('ru', {})[0]).toBe('Kashmir');
    });

    it("prints a written country that names the state (its name, an ISO alias, the letter's own) in the language", () => {
      const [, pakistan, , , korea] = countries('ru', {});
      expect(pakistan).toBe('Пакистан');
      expect(korea).toBe('Республика Корея');
    });

    it("takes the language's form of a state where its usage differs from CLDR's, else Intl's", () => {
      expect(countries('ar', { countryNames: new Map([['TH', t('تايلند')]]) })[2]).toBe('تايلند');
      expect(countries('ar', {})[2]).toBe(new Intl.DisplayNames(['ar'], { type: 'region' }).of('TH'));
      expect(countries('ru', { countryNames: new Map([['TL', t('Тимор-Лешти')]]) })[3]).toBe('Тимор-Лешти');
    });

    it('the bundled letters: APDP signed from Kashmir in every translation; UN names of Thailand, Timor-Leste', () => {
      const p = loadWorkspace(REPO).value;
      const entry = (lng: string, id: string) => {
        const b = composeLetter(p, '2018-kim-jong-un', lng).value!.doc.blocks.find((x) => x.kind === 'signatures');
        const e = b?.kind === 'signatures' ? b.entries.find((x) => x.id === id) : undefined;
        // Japanese and Chinese set it inside the name's own brackets: （APDP、カシミール）.
        return e?.country?.split(/[、，]/u).at(-1);
      };
      const apdpId = 'association-of-parents-of-disappeared-persons';
      expect(['en', 'fr', 'es', 'ko', 'ja', 'zh-Hans', 'ar', 'ru'].map((l) => entry(l, apdpId))).toEqual([
        'Kashmir',
        'Cachemire',
        'Cachemira',
        '카슈미르',
        'カシミール',
        '克什米尔',
        'كشمير',
        'Кашмир',
      ]);
      expect(entry('ar', 'association-for-the-rescue-of-north-korea-abductees')).toBe('تايلند');
    });

    it("a translation prints a country signed inside the name's last brackets in its own words (C-2)", () => {
      const comjan = org('comjan', 'COMJAN (Investigation Commission)', 'JP');
      const usa = org('usa', 'Freedom Group', 'US');
      const forms = new Map([
        ['comjan', { as: 'COMJAN (Investigation Commission)(Japan)' }],
        ['usa', { as: 'Freedom Group (Washington)' }],
      ]);
      const printed = (tag: string, source: boolean) =>
        signatureList([comjan, usa], { code: tag, tag }, 'as-listed', {
          forms,
          countryNames: new Map([['US', 'USA']]),
          style: 'parentheses',
          source,
          sourceTag: 'en-US',
        }).map((e) => [e.name, e.country]);
      // As signed in the source language: the name as written, its country not repeated.
      expect(printed('en-US', true)).toEqual([
        ['COMJAN (Investigation Commission)(Japan)', undefined],
        ['Freedom Group (Washington)', 'USA'],
      ]);
      // In French the bracketed "(Japan)" gives way to the French name; a bracket that is no country stays.
      expect(printed('fr', false)).toEqual([
        ['COMJAN (Investigation Commission)', 'Japon'],
        ['Freedom Group (Washington)', 'États-Unis'],
      ]);
      // The bundled 2012 letter: no English "(Japan)" left in the French and Spanish lists.
      const p = loadWorkspace(REPO).value;
      const comjanIn = (lng: string) => {
        const b = composeLetter(p, '2012-kim-jong-un', lng).value!.doc.blocks.find((x) => x.kind === 'signatures');
        const e = b?.kind === 'signatures' ? b.entries.find((x) => x.id === 'comjan') : undefined;
        return [e?.name.endsWith('(Japan)'), e?.country];
      };
      expect(['en', 'fr', 'es'].map(comjanIn)).toEqual([
        [true, undefined],
        [false, 'Japon'],
        [false, 'Japón'],
      ]);
    });

    it("Japanese lists name the United States and the United Kingdom as the letters' text does: 米国, 英国 (JA-C6)", () => {
      const p = loadWorkspace(REPO).value;
      const b = composeLetter(p, '2018-kim-jong-un', 'ja').value!.doc.blocks.find((x) => x.kind === 'signatures');
      const countries = new Set(b?.kind === 'signatures' ? b.entries.map((e) => e.country?.split('、').at(-1)) : []);
      expect(countries).toContain('米国');
      expect(countries).toContain('英国');
      expect(countries).not.toContain('アメリカ合衆国');
      expect(countries).not.toContain('イギリス');
    });
  });

  it('prints no country at all when the campaign says none', () => {
    const r = signatureList(list, { code: 'en', tag: 'en-US' }, 'as-listed', {
      ...signed,
      style: 'none',
      source: true,
    });
    expect(r.map((e) => e.country)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('sets the country in parentheses of the language: half-width in English, full-width in Japanese', () => {
    const p = loadWorkspace(REPO).value;
    expect(composeLetter(p, '2011-kim-jong-il', 'en').value!.doc.countryAffix).toEqual({ before: ' (', after: ')' });
    expect(composeLetter(p, '2011-kim-jong-il', 'ja').value!.doc.countryAffix).toEqual({ before: '（', after: '）' });
    // Japanese sets the country of an "after-comma" letter in full-width parentheses too (JA-C3: 、 after a Latin name reads as a list break).
    expect(composeLetter(p, '2018-kim-jong-un', 'ja').value!.doc.countryAffix).toEqual({ before: '（', after: '）' });
  });
});

describe('dates through Intl', () => {
  it.each([
    ['en', 'June 6, 2018'],
    ['ko', '2018년 6월 6일'],
    ['zh-Hans', '2018年6月6日'],
    ['ja', '2018年6月6日'],
    ['fr', '6 juin 2018'],
    ['es', '6 de junio de 2018'],
  ])('%s: %s', (lng, expected) => {
    const p = loadWorkspace(REPO).value;
    const b = composeLetter(p, '2018-kim-jong-un', lng).value!.doc.blocks[0]!;
    expect(b.kind === 'date' && b.text).toBe(expected);
  });

  it('French writes the first of the month "1er" (letter.yaml days:), and only the first', () => {
    const p = loadWorkspace(REPO).value;
    const c = p.campaigns.get('2011-kim-jong-il')!;
    const dated = (date: string, lng: string) => {
      const campaigns = new Map(p.campaigns).set(c.id, { ...c, date });
      const b = composeLetter({ ...p, campaigns }, c.id, lng).value!.doc.blocks[0]!;
      return b.kind === 'date' && b.text;
    };
    expect(dated('2011-10-01', 'fr')).toBe('1er octobre 2011');
    expect(dated('2011-10-11', 'fr')).toBe('11 octobre 2011');
    expect(dated('2011-10-21', 'fr')).toBe('21 octobre 2011');
    expect(dated('2011-10-01', 'es')).toBe('1 de octubre de 2011');
    expect(dated('2011-10-01', 'en')).toBe('October 1, 2011');
  });
});

describe('letter formulas by kind of recipient', () => {
  /** The bundled 2018 campaign with its recipient and salutation changed (the rest as loaded). */
  const variant = (recipient: Partial<Campaign['recipient']>, salutation?: string) => {
    const p = loadWorkspace(REPO).value;
    const c = p.campaigns.get('2018-kim-jong-un')!;
    const span = c.span;
    p.campaigns.set(c.id, {
      ...c,
      recipient: { ...c.recipient, ...recipient },
      salutation: salutation === undefined ? undefined : { text: salutation, span },
    });
    return p;
  };
  const line = (p: Project, lng: string, kind: 'salutation' | 'sign-off') => {
    const r = composeLetter(p, '2018-kim-jong-un', lng);
    const blocks = r.value!.doc.blocks.filter((b) => b.kind === kind);
    return {
      lines: blocks.map((b) => (b.kind === 'salutation' ? inlineText(b.content) : b.kind === 'sign-off' ? b.text : '')),
      diagnostics: r.diagnostics,
    };
  };
  const addressAs = {
    text: 'Chairman Kim Jong Un',
    span: { file: 'campaigns/2018-kim-jong-un.yaml', start: 0, end: 1 },
  };

  it("writes the language's salutation for a campaign that has none, with the recipient's form of address", () => {
    const p = variant({ addressAs });
    expect(line(p, 'en', 'salutation').lines).toEqual(['Dear Chairman Kim Jong Un,']);
  });

  it('names the missing form of address and the language when a formula needs it', () => {
    const { diagnostics } = line(variant({ addressAs: undefined }), 'en', 'salutation');
    expect(diagnostics.map((d) => d.message)).toContain(
      'the en letter addresses the recipient as {address_as}, and campaign 2018-kim-jong-un has no recipient.address_as in en',
    );
  });

  it("picks the formula for the recipient's kind, else the one for every kind, and reports a kind it lacks", () => {
    const p = variant({ addressAs, kind: 'organisation' }, 'Dear colleagues,');
    const en = p.locales.get('en')!;
    const at = { file: 'locales/en/letter.yaml', start: 0, end: 1 };
    en.chrome.set('chrome:sign_off.sincerely.organisation', { text: 'With best regards,', span: at });
    expect(line(p, 'en', 'sign-off').lines).toEqual(['With best regards,']);
    const mission = variant({ addressAs, kind: 'head-of-mission' }, 'Dear Ambassador,');
    mission.locales.get('en')!.chrome.delete('chrome:sign_off.sincerely');
    expect(line(mission, 'en', 'sign-off').diagnostics.map((d) => d.code)).toContain('ref/unknown-chrome');
  });
});

describe('quotations', () => {
  it('an unofficial translation marked "note" prints the language\'s note after the passage', () => {
    const p = loadWorkspace(REPO).value;
    const c = p.campaigns.get('2018-kim-jong-un')!;
    const q = c.quotations.find((x) => x.id === 'unsc-unmet-needs')!;
    const span = { file: 'locales/fr/letter.yaml', start: 0, end: 1 };
    q.forms.set('fr', { kind: 'unofficial', print: 'note', span });
    p.locales.get('fr')!.chrome.set('chrome:unofficial_translation', { text: '(traduction non officielle)', span });
    const doc = composeLetter(p, '2018-kim-jong-un', 'fr').value!.doc;
    const noted = doc.blocks
      .filter((b) => b.kind === 'paragraph')
      .map((b) => (b.kind === 'paragraph' ? inlineText(b.content) : ''))
      .filter((t) => t.includes('(traduction non officielle)'));
    expect(noted).toHaveLength(1);
    // The French translation gives the passage in indirect speech, without quotation marks: the note ends it.
    expect(noted[0]).toMatch(/^Le Conseil de sécurité .* et à\s: \(traduction non officielle\)$/u);
  });

  it('a Japanese note follows the text with no space before its full-width bracket', () => {
    const p = loadWorkspace(REPO).value;
    const q = p.campaigns.get('2018-kim-jong-un')!.quotations.find((x) => x.id === 'unsc-unmet-needs')!;
    q.forms.set('ja', { kind: 'unofficial', print: 'note', span: q.span });
    const doc = composeLetter(p, '2018-kim-jong-un', 'ja').value!.doc;
    const noted = doc.blocks.flatMap((b) =>
      b.kind === 'paragraph' && inlineText(b.content).includes('（非公式訳）') ? [inlineText(b.content)] : [],
    );
    expect(noted).toHaveLength(1);
    expect(noted[0]).toMatch(/[^ ]（非公式訳）$/u);
  });

  it('the note goes right after the closing mark of the quoted passage, not after the sentence leading on', () => {
    const source = 'The Council said "they have great unmet needs." Given this, we urge you to:';
    const fr = 'Le Conseil a dit « leurs besoins sont immenses et non satisfaits ». Nous vous exhortons à :';
    const at = noteOffset(source, 'they have great unmet needs.', fr);
    expect(fr.slice(0, at)).toBe('Le Conseil a dit « leurs besoins sont immenses et non satisfaits »');
    // The second quoted passage of the source is the second of the translation.
    const two = 'He said “a” and then “they have great unmet needs” to us.';
    const zh = '他说“甲”，又说“他们仍有大量需求未得到满足”。';
    expect(zh.slice(0, noteOffset(two, 'they have great unmet needs', zh))).toBe(
      '他说“甲”，又说“他们仍有大量需求未得到满足”',
    );
    expect(noteOffset(source, 'they have great unmet needs.', '没有引号。')).toBe('没有引号。'.length);
    expect(noteText('（非公式訳）')).toBe('（非公式訳）');
    expect(noteText('(비공식 번역)')).toBe(' (비공식 번역)');
    const inlines = insertText(
      [
        { kind: 'text', text: 'a ' },
        { kind: 'emphasis', children: [{ kind: 'text', text: '«b»' }] },
        { kind: 'text', text: ' c' },
      ],
      5,
      ' (n)',
    );
    expect(inlines).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'emphasis', children: [{ kind: 'text', text: '«b» (n)' }] },
      { kind: 'text', text: ' c' },
    ]);
  });
});

describe('each language closes a letter to a head of state by its own formula', () => {
  const p = loadWorkspace(REPO).value;
  const blocks = (lng: string, campaign = '2018-kim-jong-un') => composeLetter(p, campaign, lng).value!.doc.blocks;
  const salutations = (lng: string, campaign?: string) =>
    blocks(lng, campaign).flatMap((b) => (b.kind === 'salutation' ? [inlineText(b.content)] : []));
  const signOff = (lng: string, campaign?: string) =>
    blocks(lng, campaign).flatMap((b) => (b.kind === 'sign-off' ? [b.text] : []))[0];

  it("French repeats the salutation's title in the closing", () => {
    expect(salutations('fr', '2012-kim-jong-un')).toEqual(['Monsieur le Commandant suprême,']);
    expect(signOff('fr', '2012-kim-jong-un')).toBe(
      'Nous vous prions d’agréer, Monsieur le Commandant suprême, l’assurance de notre très haute considération.',
    );
  });

  it('Spanish raises the salutation and closes with the vocative', () => {
    expect(salutations('es')).toEqual(['Excelentísimo señor Presidente:']);
    expect(signOff('es')).toBe('Reciba, señor Presidente, el testimonio de nuestra más alta consideración.');
  });

  it('Japanese greets in its 宛名 (…委員長 / 金正恩閣下), opens with 謹啓 and closes with its pair 謹白, set flush right', () => {
    // No separate 金正恩委員長閣下 line: 閣下 is said once, at the end of the recipient block (JA-C2).
    expect(salutations('ja')).toEqual(['謹啓']);
    const block = composeLetter(p, '2018-kim-jong-un', 'ja').value!.doc.blocks.find((b) => b.kind === 'recipient');
    expect(block?.kind === 'recipient' && block.lines).toEqual([
      '朝鮮民主主義人民共和国',
      '平壌　朝鮮労働党中央委員会庁舎',
      '朝鮮民主主義人民共和国国務委員会委員長',
      '金正恩閣下',
    ]);
    expect(signOff('ja')).toBe('謹白');
    expect(p.locales.get('ja')!.typography.signOffAlign).toBe('right');
  });

  it('Chinese closes with 此致 (indented two characters) and 敬礼！ on the next line', () => {
    expect(signOff('zh-Hans')).toBe('\u3000\u3000此致\n敬礼！');
  });

  it('Korean names the recipient with his title and 귀하', () => {
    expect(salutations('ko')).toEqual(['김정은 국무위원장 귀하']);
    expect(salutations('ko', '2011-kim-jong-il')).toEqual(['김정일 국방위원장 귀하']);
  });

  it('the other letters by the same formulas (2011, 2012)', () => {
    expect(signOff('fr', '2011-kim-jong-il')).toBe(
      'Nous vous prions d’agréer, Monsieur le Président, l’assurance de notre très haute considération.',
    );
    expect(salutations('es', '2012-kim-jong-un')).toEqual(['Señor Comandante Supremo:']);
    expect(signOff('es', '2012-kim-jong-un')).toBe(
      'Reciba, señor Comandante Supremo, el testimonio de nuestra más alta consideración.',
    );
    expect(salutations('ja', '2011-kim-jong-il')).toEqual(['謹啓']);
    expect(signOff('ja', '2011-kim-jong-il')).toBe('謹白');
    expect(salutations('ja', '2012-kim-jong-un')).toEqual(['謹啓']);
  });
});

describe("letter.yaml's salutation for a campaign that writes none, in each language", () => {
  /** The 2018 letter without its salutation, to the given kind of recipient (each language's own address_as). */
  const salutation = (lng: string, kind: Campaign['recipient']['kind'] = 'head-of-state') => {
    const p = loadWorkspace(REPO).value;
    const c = p.campaigns.get('2018-kim-jong-un')!;
    p.campaigns.set(c.id, { ...c, recipient: { ...c.recipient, kind }, salutation: undefined });
    return composeLetter(p, c.id, lng).value!.doc.blocks.flatMap((b) =>
      b.kind === 'salutation' ? [inlineText(b.content)] : [],
    );
  };

  it('to a head of state', () => {
    expect(salutation('fr')).toEqual(['Monsieur le Président,']);
    expect(salutation('es')).toEqual(['Excelentísimo señor Presidente:']);
    // Japanese greets in the recipient block (locale.yaml salutation: address): only the opening formula.
    expect(salutation('ja')).toEqual(['謹啓']);
    expect(salutation('ko')).toEqual(['김정은 국무위원장 귀하']);
    expect(salutation('zh-Hans')).toEqual(['尊敬的金正恩委员长：']);
  });

  it('to a head of mission and to an organisation', () => {
    expect(salutation('zh-Hans', 'head-of-mission')).toEqual(['尊敬的金正恩委员长阁下：']);
    expect(salutation('ja', 'head-of-mission')).toEqual(['拝啓']);
    expect(salutation('ko', 'organisation')).toEqual(['김정은 국무위원장 귀중']);
    expect(salutation('es', 'organisation')).toEqual(['Señoras y señores:']);
  });
});

describe('the Chinese two-line closing as each renderer sets it', () => {
  const doc = () => composeLetter(loadWorkspace(REPO).value, '2018-kim-jong-un', 'zh-Hans').value!.doc;

  it('PDF: 此致 two characters in from the margin, 敬礼！ at the margin on the line below', async () => {
    const pdf = await getDocumentProxy(new Uint8Array((await renderPdf(doc())).bytes));
    const items: { str: string; transform: number[] }[] = [];
    for (let n = 1; n <= pdf.numPages; n++)
      items.push(...((await (await pdf.getPage(n)).getTextContent()).items as typeof items));
    const at = (s: string) => items.find((i) => i.str === s)!.transform;
    const [size, , , , x1, y1] = at('此致');
    const [, , , , x2, y2] = at('敬礼！');
    expect(x1! - x2!).toBeCloseTo(2 * size!, 1);
    expect(y1! - y2!).toBeGreaterThan(size!);
    expect(y1! - y2!).toBeLessThan(2 * size!);
  });

  it('HTML and DOCX: two lines, the indent kept', async () => {
    expect(renderHtml(doc())).toContain('<p class="sign-off">\u3000\u3000此致<br>\n敬礼！</p>');
    const xml = new TextDecoder().decode(unzipSync(await renderDocx(doc()))['word/document.xml']);
    expect(xml).toMatch(
      /<w:t xml:space="preserve">\u3000\u3000此致<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t xml:space="preserve">敬礼！/u,
    );
  });

  it('HTML sets a Japanese 謹白 flush right, as the PDF and the DOCX do', () => {
    const ja = composeLetter(loadWorkspace(REPO).value, '2018-kim-jong-un', 'ja').value!.doc;
    expect(renderHtml(ja)).toContain('<p class="sign-off" style="text-align: end">謹白</p>');
  });
});
