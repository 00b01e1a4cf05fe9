/**
 * The one text engine: every worded text with arguments (the letter's fixed wording in
 * locales/<lng>/letter.yaml, the delivery wording in locales/<lng>/delivery.yaml) is an ICU
 * MessageFormat message: `{name}` interpolates, `{n, plural, one {# page} other {# pages}}` picks
 * the language's plural form, `{form, select, formal {…} other {…}}` picks a variant.
 *
 * Parsing is @formatjs/icu-messageformat-parser's (with source positions); formatting walks the
 * parsed message here so the result comes with an offset map back to the message, and problems
 * (a syntax error, an argument with no value) are returned, never thrown. Number, date and time
 * arguments are formatted by intl-messageformat.
 */
import { parse, TYPE, type MessageFormatElement, type PluralOrSelectOption } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { identityMap, OffsetMapBuilder, type OffsetMap } from '../model/offset-map.js';
import { memo } from '../util/memo.js';
import { dateFormat, numberFormat, pluralRules } from './intl.js';

/** The value of one argument: plural and number arguments need a number, the others take text. */
export type MessageValue = string | number | Date;
export type MessageArgs = Readonly<Record<string, MessageValue | undefined>>;

/** What is wrong with a message, at message[index, index+length). */
export interface MessageProblem {
  kind: 'syntax' | 'unknown-argument' | 'not-a-number';
  /** One line, in English, naming the argument where there is one. */
  message: string;
  /** The argument concerned (unknown-argument, not-a-number). */
  argument?: string;
  index: number;
  length: number;
}

/** How a message uses one of its arguments. */
export interface ArgumentUse {
  name: string;
  kind: 'text' | 'number' | 'date' | 'plural' | 'select';
  /** The whole `{name…}` in the message. */
  index: number;
  length: number;
  /** For select: the keys it offers, `other` included. */
  options?: string[];
}

export interface FormattedMessage {
  text: string;
  /** `text` → the message: literals one for one, each filled argument as its whole `{…}`. */
  offsets: OffsetMap;
  /** Empty when the text is complete; otherwise the text has the faulty arguments left empty. */
  problems: MessageProblem[];
}

type Parsed = { elements: MessageFormatElement[] } | { problem: MessageProblem };

/** The parsed message (once per process: the same wording is formatted for every packet). */
const parseCached = memo((source: string): Parsed => {
  try {
    return { elements: parse(source, { captureLocation: true, ignoreTag: true }) };
  } catch (e) {
    return { problem: syntaxProblem(source, e) };
  }
});

function syntaxProblem(source: string, e: unknown): MessageProblem {
  const err = e as { message?: string; location?: { start: { offset: number }; end: { offset: number } } };
  const kind = (err.message ?? 'syntax error').toLowerCase().replaceAll('_', ' ');
  const index = Math.min(err.location?.start.offset ?? 0, source.length);
  const end = Math.max(index + 1, err.location?.end.offset ?? index + 1);
  // {{name}} was the syntax before ICU messages: say what to write instead.
  const old = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/.exec(source);
  const message = old
    ? `"${old[0]}" is not a message argument: write {${old[1]!.replace('.', '_')}}`
    : `not a valid message (${kind}); a literal { or } is written '{' or '}'`;
  return old
    ? { kind: 'syntax', message, index: old.index, length: old[0].length }
    : { kind: 'syntax', message, index, length: Math.min(end, source.length) - index || 1 };
}

/** Every argument the message uses, in order (several entries for a name used several times). */
export function messageArguments(source: string): { uses: ArgumentUse[]; problem?: MessageProblem } {
  const p = parseCached(source);
  if ('problem' in p) return { uses: [], problem: p.problem };
  const uses: ArgumentUse[] = [];
  const visit = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound || el.type === TYPE.tag) continue;
      const { index, length } = at(el);
      const kind =
        el.type === TYPE.argument
          ? 'text'
          : el.type === TYPE.number
            ? 'number'
            : el.type === TYPE.date || el.type === TYPE.time
              ? 'date'
              : el.type === TYPE.plural
                ? 'plural'
                : 'select';
      const use: ArgumentUse = { name: el.value, kind, index, length };
      if (el.type === TYPE.select) use.options = Object.keys(el.options);
      uses.push(use);
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const o of Object.values(el.options) as PluralOrSelectOption[]) visit(o.value);
    }
  };
  visit(p.elements);
  return { uses };
}

/**
 * What `check` asks of a message before anything is formatted: it parses, and names only
 * arguments the caller provides (`known`). Each problem is located in the message.
 */
export function checkMessage(source: string, known: readonly string[]): MessageProblem[] {
  const { uses, problem } = messageArguments(source);
  if (problem) return [problem];
  return uses
    .filter((u) => !known.includes(u.name))
    .map((u) => ({
      kind: 'unknown-argument',
      argument: u.name,
      message: notGiven(u.name, known),
      index: u.index,
      length: u.length,
    }));
}

const notGiven = (name: string, known: readonly string[]) =>
  `{${name}} is not an argument of this text (${known.length ? `it has ${known.map((k) => `{${k}}`).join(', ')}` : 'it has none'})`;

/**
 * The message formatted in language `lang` with `args`. A missing argument or a non-number where
 * a count is needed is a problem (that part of the text is left empty), not an exception.
 */
export function formatMessage(source: string, lang: string, args: MessageArgs): FormattedMessage {
  const p = parseCached(source);
  if ('problem' in p) return { text: source, offsets: identityMap(0, source.length), problems: [p.problem] };
  const out = new Writer();
  const problems: MessageProblem[] = [];
  const missing = (name: string, el: MessageFormatElement): undefined => {
    const given = Object.keys(args).filter((k) => args[k] !== undefined);
    problems.push({ kind: 'unknown-argument', argument: name, message: notGiven(name, given), ...at(el) });
    return undefined;
  };
  const count = (name: string, el: MessageFormatElement): number | undefined => {
    const v = args[name];
    if (v === undefined) return missing(name, el);
    const n = typeof v === 'number' ? v : Number.NaN;
    if (Number.isNaN(n))
      problems.push({
        kind: 'not-a-number',
        argument: name,
        message: `{${name}} must be a number, not "${String(v)}"`,
        ...at(el),
      });
    return Number.isNaN(n) ? undefined : n;
  };

  const walk = (els: MessageFormatElement[], pound: { n: number; el: MessageFormatElement } | undefined) => {
    for (const el of els) {
      const { index, length } = at(el);
      switch (el.type) {
        case TYPE.literal:
          // An escaped literal ('{') is shorter than its source: it stands for it as a whole.
          if (el.value.length === length) out.copy(el.value, index);
          else out.replace(el.value, index, length);
          break;
        case TYPE.argument: {
          const v = args[el.value];
          if (v === undefined) missing(el.value, el);
          // A number in a simple {argument} is written as ICU does, in the language's digits ({signatories}: ٤).
          else out.replace(simpleArgument(v, lang), index, length);
          break;
        }
        case TYPE.number:
        case TYPE.date:
        case TYPE.time: {
          const v = args[el.value];
          if (v === undefined) missing(el.value, el);
          else
            out.replace(
              String(new IntlMessageFormat([el], lang, undefined, { formatters }).format({ [el.value]: v })),
              index,
              length,
            );
          break;
        }
        case TYPE.pound:
          if (pound) out.replace(numberFormat(lang).format(pound.n), index, length);
          break;
        case TYPE.select: {
          const v = args[el.value];
          if (v === undefined) missing(el.value, el);
          const option = el.options[String(v)] ?? el.options['other'];
          if (option) walk(option.value, pound);
          break;
        }
        case TYPE.plural: {
          const n = count(el.value, el);
          if (n === undefined) break;
          const rules = pluralRules(lang, { type: el.pluralType ?? 'cardinal' });
          const option = el.options[`=${n}`] ?? el.options[rules.select(n - el.offset)] ?? el.options['other'];
          if (option) walk(option.value, { n: n - el.offset, el });
          break;
        }
        case TYPE.tag:
          break; // parsed with ignoreTag: never produced
      }
    }
  };
  walk(p.elements, undefined);
  return { ...out.done(), problems };
}

function simpleArgument(v: MessageValue, lang: string): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === 'number' ? new Intl.NumberFormat(lang).format(v) : v;
}

// Dates are formatted in UTC: the same inputs give the same text on every machine.
const formatters = {
  getNumberFormat: (l: string | string[], o?: Intl.NumberFormatOptions) => numberFormat(l, o),
  getDateTimeFormat: (l: string | string[], o?: Intl.DateTimeFormatOptions) => dateFormat(l, { ...o, timeZone: 'UTC' }),
  getPluralRules: (l: string | string[], o?: Intl.PluralRulesOptions) => pluralRules(l, o),
};

/** Where an element is written in its message. */
function at(el: MessageFormatElement): { index: number; length: number } {
  const loc = el.location;
  return loc ? { index: loc.start.offset, length: loc.end.offset - loc.start.offset } : { index: 0, length: 0 };
}

/** The formatted text and its offset map, written left to right. */
class Writer {
  private text = '';
  private readonly map = new OffsetMapBuilder();
  copy(s: string, src: number) {
    this.text += s;
    this.map.copy(src, s.length);
  }
  replace(s: string, src: number, srcLen: number) {
    this.text += s;
    this.map.replace(src, srcLen, s.length);
  }
  done() {
    return { text: this.text, offsets: this.map.done() };
  }
}
