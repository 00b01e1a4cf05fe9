import type { LetterTypography, PaperSize } from '../../model/project.js';
import type { SheetDocument } from '../../model/sheet-document.js';
import { PAPER } from '../../render/pdf/page-style.js';
import type { LanguageSetting } from '../../text/language-setting.js';
import type { Sender } from '../delivery-plan.js';

/** What a sheet document takes from its language and its file: everything but its pages. */
export type SheetSetting = Pick<
  SheetDocument,
  'lang' | 'title' | 'author' | 'subject' | 'size' | 'fonts' | 'lineBreak' | 'typography'
>;

/** A sheet set in `setting`'s language and fonts, with its PDF metadata and page size. */
export function sheetSetting(
  setting: LanguageSetting,
  file: { title: string; author: string; subject: string | undefined; size: readonly [number, number] },
): SheetSetting {
  return {
    lang: setting.tag,
    ...file,
    fonts: setting.fonts,
    lineBreak: setting.lineBreak,
    typography: sheetTypography(setting),
  };
}

/** A packet's portrait sheet (the cover note, the fax cover): in its wording language, from the coalition. */
export function packetSheetSetting(input: {
  paper: PaperSize;
  setting: LanguageSetting;
  sender: Sender;
  title: string;
  subject: string;
}): SheetSetting {
  return sheetSetting(input.setting, {
    title: input.title,
    author: input.sender.name,
    subject: input.subject,
    size: PAPER[input.paper],
  });
}

/** How a sheet's body is set: block paragraphs (no first-line indent), emphasis as the script allows. */
function sheetTypography(setting: LanguageSetting): LetterTypography {
  return {
    paragraphIndent: 0,
    emphasis: setting.lineBreak === 'normal' ? 'italic' : 'bold',
    emphasisDots: 'above',
    cjkLatinSpace: 'none',
    signOffAlign: 'left',
  };
}
