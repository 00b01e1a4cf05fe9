import type { SheetDocument } from '../../model/sheet-document.js';
import type { LanguageSetting } from '../../text/language-setting.js';
import type { Sender } from '../delivery-plan.js';
import {
  ADDRESS_MIN_SIZE,
  ENVELOPE_ADDRESS,
  envelopeAddressBox,
  MM,
  type EnvelopeSpec,
} from '../../model/address-windows.js';
import { sheetSetting } from './sheet-setting.js';

export interface EnvelopeInput {
  spec: EnvelopeSpec;
  sender: Sender;
  /** Postal address lines of the mission. */
  address: string[];
  /** The address's language (the mission's first): the envelope's language and the address's fonts. */
  setting: LanguageSetting;
  /** Font stack for the return address (the delivery list's language). */
  senderFonts: string[];
  title: string;
}

/** Margin of the return address from the envelope's top corner. */
const RETURN_MARGIN = 8 * MM;

/**
 * One envelope page, to print straight onto a plain envelope of `spec`'s size, as a sheet document
 * with one page template: the return address in the top corner (the top right in a right-to-left
 * language) and the recipient's address inside the rectangle where the window of a window envelope
 * of that size is (so it sits where the post expects it, whatever the language), set as large as
 * fits, from 11 pt down to 7 pt; an address that does not fit even then is refused.
 */
export function envelopeSheet(input: EnvelopeInput): SheetDocument {
  const { spec, sender } = input;
  const back = { size: 7.5, leading: 1.25, fonts: input.senderFonts, dir: 'auto' as const };
  const window = envelopeAddressBox(spec);
  const page = { x: 0, width: spec.width, top: 0, bottom: spec.height };
  return {
    ...sheetSetting(input.setting, {
      title: input.title,
      author: sender.name,
      subject: spec.label,
      size: [spec.width, spec.height],
    }),
    fontSize: 11,
    lineHeight: 1.2,
    first: {
      frame: page,
      zones: [
        {
          x: RETURN_MARGIN,
          y: RETURN_MARGIN,
          width: spec.window.width,
          tag: 'P',
          lines: [
            { text: sender.name, bold: true, ...back },
            ...sender.returnAddress.map((text) => ({ text, ...back })),
          ],
        },
        {
          x: window.x,
          y: window.y,
          width: window.width,
          fit: { height: window.height, minSize: ADDRESS_MIN_SIZE },
          fixed: true,
          tag: 'P',
          lines: input.address.map((text) => ({
            text,
            ...ENVELOPE_ADDRESS,
            fonts: input.setting.fonts,
            dir: 'auto',
          })),
        },
      ],
    },
    later: { frame: page, zones: [] },
    body: { kind: 'blocks', blocks: [] },
  };
}
