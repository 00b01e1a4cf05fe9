import type { FIXTURE_FONTS } from './script-workspace.js';

/** A test paragraph in a script written without spaces between words, and the face it is set in. */
export interface UnspacedText {
  lang: string;
  tag: string;
  /** The Noto face of the script, from devDependencies. */
  font: keyof typeof FIXTURE_FONTS;
  /** Where the workspace would keep it. */
  file: string;
  text: string;
}

/**
 * Lao, Khmer and Burmese test paragraphs (line breaking, text read back from the PDF). Each says the
 * same in its language; in English: "We write to you [Khmer: to Your Excellency] about detention and
 * human rights. We ask you to allow the International Committee of the Red Cross (ICRC) to visit all
 * places of detention, for freedom, justice and peace in the world." (Burmese: "… Freedom, justice and
 * peace are for all the people of the world.") A language reviewer's fixes (session 13) applied.
 */
export const UNSPACED: UnspacedText[] = [
  {
    lang: 'lo',
    tag: 'lo-LA',
    font: 'lao',
    file: 'fonts/NotoSansLao-Regular.ttf',
    text:
      'ພວກຂ້າພະເຈົ້າຂຽນຈົດໝາຍເຖິງທ່ານກ່ຽວກັບການກັກຂັງ ແລະ ສິດທິມະນຸດ. ພວກຂ້າພະເຈົ້າຂໍຮຽກຮ້ອງໃຫ້ທ່ານອະນຸຍາດໃຫ້' +
      'ຄະນະກຳມະການກາແດງສາກົນ (ICRC) ເຂົ້າຢ້ຽມຢາມສະຖານທີ່ກັກຂັງທັງໝົດ ເພື່ອເສລີພາບ ຍຸຕິທຳ ແລະ ສັນຕິພາບຂອງໂລກ.',
  },
  {
    lang: 'km',
    tag: 'km-KH',
    font: 'khmer',
    file: 'fonts/NotoSansKhmer-Regular.ttf',
    text:
      'យើងខ្ញុំសូមសរសេរមកជម្រាបជូនឯកឧត្តមអំពីការឃុំខ្លួន និងសិទ្ធិមនុស្ស។ យើងខ្ញុំស្នើសុំឱ្យឯកឧត្តមអនុញ្ញាតឱ្យ' +
      'គណៈកម្មាធិការអន្តរជាតិកាកបាទក្រហម (ICRC) ចូលទស្សនាកន្លែងឃុំឃាំងទាំងអស់ ដើម្បីសេរីភាព យុត្តិធម៌ និងសន្តិភាពក្នុងពិភពលោក។',
  },
  {
    lang: 'my',
    tag: 'my-MM',
    font: 'myanmar',
    file: 'fonts/NotoSansMyanmar-Regular.woff',
    text:
      'ကျွန်ုပ်တို့သည် ထိန်းသိမ်းခံထားရသူများနှင့် လူ့အခွင့်အရေးအကြောင်း လူကြီးမင်းထံ စာရေးပါသည်။ ' +
      'အပြည်ပြည်ဆိုင်ရာကြက်ခြေနီကော်မတီ (ICRC) အား ထိန်းသိမ်းထားရာ နေရာအားလုံးသို့ သွားရောက်ကြည့်ရှုခွင့်ပြုရန် ' +
      'ကျွန်ုပ်တို့ တောင်းဆိုပါသည်။ လွတ်လပ်မှု၊ တရားမျှတမှုနှင့် ငြိမ်းချမ်းရေးသည် ကမ္ဘာ့လူသားအားလုံးအတွက် ဖြစ်ပါသည်။',
  },
];
