/**
 * A plain text as CommonMark that reads back as that text and nothing else: no emphasis, link,
 * HTML, entity, heading, list, quote, code block or rule. A line feed is a hard break, as in the
 * PDF. Only what would be read as syntax is escaped ("A & B" stays as written, "&amp;" does not).
 * tests/markdown-escaping.test.ts parses the output with mdast-util-from-markdown to prove it.
 */
export function escapeMarkdown(s: string): string {
  return (
    s
      .replace(/([\\`*_[\]<>|])/g, '\\$1')
      // A character reference: "&amp;" would read as "&".
      .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
      // At a line's start: an ATX heading, a list item, a setext underline or rule ("---", "="), a fence ("~~~").
      .replace(/^#/gm, '\\#')
      .replace(/^([-+=~])(?=\s|$|\1)/gm, '\\$1')
      .replace(/^(\d+)([.)])(?=\s|$)/gm, '$1\\$2')
      .replace(/\n/g, '\\\n')
  );
}
