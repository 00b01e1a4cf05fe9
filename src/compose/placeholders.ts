/**
 * Leftover placeholders that must never reach a printed letter: `__WORD__` (word-processor
 * merge fields), `{{…}}` (unrendered templates), `[[…]]`, and TODO/TBD/XXX markers.
 */
const PATTERNS: RegExp[] = [
  /__[A-Za-z0-9_]+__/g,
  /\{\{[^}]*\}\}|\{\{|\}\}/g,
  /\[\[[^\]]*\]\]/g,
  /\b(?:TODO|TBD|FIXME|XXX)\b/g,
  /\$\{[^}]*\}/g,
  /<<[A-Z_ ]+>>/g,
];

export function findPlaceholders(text: string): { match: string; index: number }[] {
  const out: { match: string; index: number }[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ match: m[0], index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}
