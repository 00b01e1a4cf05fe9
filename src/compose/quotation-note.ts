import type { Inline } from '../model/letter-document.js';

/**
 * Closing quotation marks that end a quoted passage (English ”, French and Spanish », Japanese and
 * Chinese 」』). The apostrophe ’ is left out: French writes it inside words (d’agréer).
 */
const CLOSING = /[”»」』]/gu;

/**
 * Where a translated paragraph's note "unofficial translation" goes: right after the closing mark
 * of the quoted passage, which qualifies the quotation and not the sentence that leads on (French
 * « … non satisfaits » (traduction non officielle), not « … et à : (traduction non officielle) »).
 * The passage is the n-th quoted one of the source paragraph, so it is taken to be the n-th of the
 * translation; a translation that quotes fewer passages gets the note at its end.
 */
export function noteOffset(source: string, quoted: string, translation: string): number {
  const at = source.indexOf(quoted);
  const before = at < 0 ? 0 : [...source.slice(0, at + quoted.length).matchAll(CLOSING)].length;
  const closings = [...translation.matchAll(CLOSING)];
  const mark = closings[before];
  return mark ? mark.index + mark[0].length : translation.length;
}

/**
 * The note as it joins the text: Chinese and Japanese notes open with a full-width bracket, which
 * carries its own spacing (a half-width space before （ is a typesetting error), others with a space.
 */
export function noteText(note: string): string {
  return /^[\u3000-\u303f\uff00-\uffef]/u.test(note) ? note : ` ${note}`;
}

/** `inlines` with `text` inserted at plain-text offset `offset` (inside emphasis where it falls there). */
export function insertText(inlines: Inline[], offset: number, text: string): Inline[] {
  const out: Inline[] = [];
  let rest = offset;
  let done = false;
  for (const inline of inlines) {
    const length = inlineLength(inline);
    if (done || rest > length) {
      out.push(inline);
      rest -= length;
      continue;
    }
    done = true;
    if (inline.kind === 'text')
      out.push({ kind: 'text', text: inline.text.slice(0, rest) + text + inline.text.slice(rest) });
    else out.push({ ...inline, children: insertText(inline.children, rest, text) });
  }
  if (!done) out.push({ kind: 'text', text });
  return out;
}

function inlineLength(inline: Inline): number {
  return inline.kind === 'text' ? inline.text.length : inline.children.reduce((n, c) => n + inlineLength(c), 0);
}
