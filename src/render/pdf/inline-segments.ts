import { assertNever, type Inline } from '../../model/letter-document.js';
import type { FaceStyle } from '../../fonts/font-library.js';
import type { LetterTypography } from '../../model/project.js';
import type { StyledSegment } from './line-layout.js';

interface InlineStyle {
  bold: boolean;
  italic: boolean;
  href: string | undefined;
}

/**
 * Flattens inline markup into styled segments for line layout. Emphasis inside emphasis turns
 * italics off again, as in print; `bold` starts true for headings. Where the language sets
 * `emphasis` as bold (CJK and Korean have no italics), emphasis is bold.
 */
export function inlineSegments(
  inlines: Inline[],
  bold = false,
  emphasis: LetterTypography['emphasis'] = 'italic',
): StyledSegment[] {
  return flatten(inlines, { bold, italic: false, href: undefined }, emphasis);
}

function flatten(inlines: Inline[], style: InlineStyle, emphasis: LetterTypography['emphasis']): StyledSegment[] {
  return inlines.flatMap((inline): StyledSegment[] => {
    switch (inline.kind) {
      case 'text':
        return [{ text: inline.text, style: faceStyle(style), href: style.href }];
      case 'emphasis':
        return flatten(
          inline.children,
          emphasis === 'bold' ? { ...style, bold: true } : { ...style, italic: !style.italic },
          emphasis,
        );
      case 'strong':
        return flatten(inline.children, { ...style, bold: true }, emphasis);
      case 'link':
        return flatten(inline.children, { ...style, href: inline.href }, emphasis);
      default:
        return assertNever(inline);
    }
  });
}

function faceStyle({ bold, italic }: InlineStyle): FaceStyle {
  if (bold) return italic ? 'bold-italic' : 'bold';
  return italic ? 'italic' : 'regular';
}
