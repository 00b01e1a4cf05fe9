import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { advanceWidths, type AdvanceOf } from '../fonts/advance-widths.js';
import {
  ADDRESS_MIN_SIZE,
  COVER_NOTE_ADDRESS,
  ENVELOPE_ADDRESS,
  envelopeAddressBox,
  MM,
  noteAddressBox,
  type AddressSetting,
  type Rect,
} from '../model/address-windows.js';
import { addressFields, printedAt } from '../model/printed-field.js';
import { breakUnits, fitUnits } from '../render/pdf/break-units.js';
import type { PacketPlan } from './delivery-plan.js';

/** What a cover note's address field holds: its lines, and the mission field each is printed from. */
export interface NoteRecipient {
  lines: string[];
  fields: (string | undefined)[];
}

/**
 * The cover note's recipient lines: the "for the attention of" line, then the postal address (or the
 * mission's name and city when the record has none); Japanese and Chinese name the person last.
 * Japanese greets in the address block, its 宛名: the person named there (議長　許宗萬様), else
 * ご担当者様; a salutation line before the body would name the addressee twice.
 */
export function noteRecipient(p: PacketPlan): NoteRecipient {
  const m = p.mission;
  const address = p.address ?? [String(p.args.mission), `${String(p.args.city)}, ${p.country}`];
  const person = p.attention ?? (p.coverSalutation === 'address' ? p.salutation : undefined);
  const attention = person ? [person] : [];
  const addressed = p.address ? addressFields(m, p.address) : address.map(() => undefined);
  const unfielded = attention.map(() => undefined);
  return p.addressee === 'last'
    ? { lines: [...address, ...attention], fields: [...addressed, ...unfielded] }
    : { lines: [...attention, ...address], fields: [...unfielded, ...addressed] };
}

/** An address zone that overflowed its window on a sheet of the packet. */
export interface AddressOverflow extends AddressMeasure {
  /** The sheet's file name. */
  file: string;
  lines: string[];
  fields: (string | undefined)[];
}

/**
 * Whether the packet's addresses fit their windows, measured before anything is drawn: the cover
 * note's recipient lines in its field, the postal address in the envelope's window. The overflows
 * found, in file order.
 */
export function addressOverflows(p: PacketPlan): AddressOverflow[] {
  const out: AddressOverflow[] = [];
  const note = p.files.find((f) => f.kind === 'cover-note');
  if (note) {
    const r = noteRecipient(p);
    const m = measureAddress(r.lines, noteAddressBox(p.paper), COVER_NOTE_ADDRESS, p.local.fonts);
    if (m.needed > m.height) out.push({ ...m, file: note.name, ...r });
  }
  const envelope = p.files.find((f) => f.kind === 'envelope');
  if (envelope && p.envelope && p.address) {
    const m = measureAddress(p.address, envelopeAddressBox(p.envelope), ENVELOPE_ADDRESS, p.local.fonts);
    if (m.needed > m.height)
      out.push({ ...m, file: envelope.name, lines: p.address, fields: addressFields(p.mission, p.address) });
  }
  return out;
}

/**
 * An address too long for a window, as one diagnostic at the mission field to shorten: the first
 * line that wraps even at 7 pt (else the first address line: there are too many lines). Nothing is
 * drawn outside the window: the packet is refused.
 */
export function addressTooLong(overflows: AddressOverflow[], p: PacketPlan): Diagnostic {
  const [first] = overflows as [AddressOverflow];
  const blamed = first.wrapped.find((i) => first.fields[i] !== undefined) ?? first.fields.findIndex((f) => f);
  const field = first.fields[blamed];
  const line = first.lines[blamed] ?? '';
  const why = first.wrapped.includes(blamed) ? 'this line wraps' : `its ${first.lines.length} lines are too many`;
  const mm = (pt: number) => (pt / MM).toFixed(0);
  const files = [...new Set(overflows.map((o) => o.file))].join(', ');
  return diag(
    'mission/address-too-long',
    field ? printedAt(p.mission, field, 0, line.length) : p.mission.span,
    `mission "${p.mission.id}"${field ? ` ${field}` : ''}: the address needs ${mm(first.needed)} mm of the ${mm(first.height)} mm window of ${files} even at ${ADDRESS_MIN_SIZE} pt (${why}); no packet made`,
    {
      hint: `shorten the address in missions.yaml (abbreviate, or leave out what the post does not need): it is never set smaller than ${ADDRESS_MIN_SIZE} pt nor drawn outside the window`,
      scope: { kind: 'packet', mission: p.mission.id },
    },
  );
}

/** Lines set in a window field at the smallest size allowed, and whether they fit. */
export interface AddressMeasure {
  /** Indices of the lines that wrap at that size. */
  wrapped: number[];
  /** Height the lines need and the height there is, PDF points. */
  needed: number;
  height: number;
}

/**
 * How `lines` set in `box` at {@link ADDRESS_MIN_SIZE} (the sheets shrink an address down to it
 * before giving up) wrap and how high they stand, measured with the fonts' advance widths (the
 * build's table for bundled fonts, the file's own metrics for a workspace font): the same breaks as
 * the sheet (UAX #14, no break between two Hangul, an overlong word split, greedy fill) and the
 * first font of the stack that has each character.
 */
export function measureAddress(
  lines: readonly string[],
  box: Rect,
  setting: AddressSetting,
  fonts: readonly string[],
): AddressMeasure {
  const advances = advanceWidths(fonts);
  const size = ADDRESS_MIN_SIZE;
  const wrapped: number[] = [];
  let count = 0;
  lines.forEach((line, i) => {
    const n = lineCount(line.normalize('NFC'), box.width, size, advances);
    if (n > 1) wrapped.push(i);
    count += n;
  });
  return { wrapped, needed: count * size * setting.leading, height: box.height };
}

/** How many lines one address line takes in `width` at `size`. */
function lineCount(text: string, width: number, size: number, advances: AdvanceOf[]): number {
  if (text.trim() === '') return 0;
  const chars = [...text];
  // Width of each UTF-16 offset's character (0 for the low half of a pair), then prefix sums.
  const at = new Float64Array(text.length + 1);
  let offset = 0;
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    const em = advances.map((a) => a(cp)).find((w) => w !== undefined) ?? 0;
    at[offset + 1] = at[offset]! + em * size;
    if (ch.length === 2) at[offset + 2] = at[offset + 1]!;
    offset += ch.length;
  }
  const measure = (start: number, end: number) => at[end]! - at[start]!;
  let lines = 0;
  let used: number | undefined;
  for (const unit of fitUnits(breakUnits(text, 'normal'), text, width, measure)) {
    const content = measure(unit.start, unit.contentEnd);
    if (used === undefined || used + content > width + 0.01) {
      lines++;
      used = measure(unit.start, unit.end) - leadingSpace(text, unit.start, unit.contentEnd, measure);
    } else used += measure(unit.start, unit.end);
    if (unit.required) used = undefined;
  }
  return lines;
}

/** The width of the whitespace a line starts with (the sheet drops it). */
function leadingSpace(text: string, start: number, limit: number, measure: (a: number, b: number) => number): number {
  let i = start;
  while (i < limit && /[\s\u200b]/u.test(text[i] ?? '')) i++;
  return measure(start, i);
}
