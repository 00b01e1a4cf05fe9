import { assertNever, type Inline } from '../../model/letter-document.js';
import type { FaceStyle } from '../../fonts/font-library.js';
import type { LetterTypography } from '../../model/project.js';
import type { StyledSegment } from './line-layout.js';

interface InlineStyle {
  bold: boolean;
  italic: boolean;
  dots: boolean;
  href: string | undefined;
  lang: string | undefined;
}

/** How a language sets emphasis: the locale's `emphasis` and, with dots, where they go. */
export type EmphasisStyle = Pick<LetterTypography, 'emphasis' | 'emphasisDots'>;

const ITALIC: EmphasisStyle = { emphasis: 'italic', emphasisDots: 'above' };

/**
 * Flattens inline markup into styled segments for line layout. Emphasis inside emphasis turns
 * italics off again, as in print; `bold` starts true for headings. Where the language sets
 * `emphasis` as bold (Korean, which has no italics) emphasis is bold; as dots (Japanese 圏点, Chinese
 * 着重号), the text stays in its face and carries dots, nested emphasis too.
 */
export function inlineSegments(inlines: Inline[], bold = false, emphasis: EmphasisStyle = ITALIC): StyledSegment[] {
  return flatten(inlines, { bold, italic: false, dots: false, href: undefined, lang: undefined }, emphasis);
}

function flatten(inlines: Inline[], style: InlineStyle, emphasis: EmphasisStyle): StyledSegment[] {
  return inlines.flatMap((inline): StyledSegment[] => {
    switch (inline.kind) {
      case 'text':
        return [
          {
            text: inline.text,
            style: faceStyle(style),
            href: style.href,
            ...(style.dots ? { dots: emphasis.emphasisDots } : {}),
            ...(style.lang !== undefined ? { lang: style.lang } : {}),
          },
        ];
      case 'emphasis':
        return flatten(inline.children, emphasized(style, emphasis), emphasis);
      case 'strong':
        return flatten(inline.children, { ...style, bold: true }, emphasis);
      case 'link':
        return flatten(inline.children, { ...style, href: inline.href }, emphasis);
      case 'lang':
        return flatten(inline.children, { ...style, lang: inline.lang }, emphasis);
      default:
        return assertNever(inline);
    }
  });
}

function emphasized(style: InlineStyle, { emphasis }: EmphasisStyle): InlineStyle {
  if (emphasis === 'bold') return { ...style, bold: true };
  if (emphasis === 'dots') return { ...style, dots: true };
  return { ...style, italic: !style.italic };
}

function faceStyle({ bold, italic }: InlineStyle): FaceStyle {
  if (bold) return italic ? 'bold-italic' : 'bold';
  return italic ? 'italic' : 'regular';
}
