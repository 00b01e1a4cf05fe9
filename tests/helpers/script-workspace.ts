import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO, tempWorkspace } from './workspace.js';

const require = createRequire(join(REPO, 'package.json'));
const SCRIPTS = join(REPO, 'tests', 'fixtures', 'scripts');

/** Font files of the test fixtures' languages, from devDependencies (the tool never downloads one). */
export const FIXTURE_FONTS = {
  thai: '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf',
  thaiBold: '@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf',
  hebrew: '@expo-google-fonts/noto-serif-hebrew/400Regular/NotoSerifHebrew_400Regular.ttf',
  hebrewBold: '@expo-google-fonts/noto-serif-hebrew/700Bold/NotoSerifHebrew_700Bold.ttf',
  naskh: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
  // fontsource ships WOFF files cut by Unicode range: the Arabic range holds every Urdu letter and digit.
  urdu: '@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff',
  lao: '@expo-google-fonts/noto-sans-lao/400Regular/NotoSansLao_400Regular.ttf',
  khmer: '@expo-google-fonts/noto-sans-khmer/400Regular/NotoSansKhmer_400Regular.ttf',
  myanmar: '@fontsource/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-400-normal.woff',
} as const;

/**
 * The mini workspace with the test letter also in the languages of tests/fixtures/scripts/<lng>/
 * (locale.yaml, letter.yaml, demands.yaml, campaign.yaml), and `fonts` copied into the workspace
 * (workspace path → fixture font). `overrides` as for {@link tempWorkspace}.
 */
export function scriptWorkspace(
  languages: string[],
  fonts: Record<string, keyof typeof FIXTURE_FONTS> = {},
  overrides: Record<string, string | null> = {},
): string {
  const files: Record<string, string> = {};
  for (const lng of languages) {
    const from = (name: string) => readFileSync(join(SCRIPTS, lng, name), 'utf8');
    files[`locales/${lng}/locale.yaml`] = from('locale.yaml');
    files[`locales/${lng}/letter.yaml`] = from('letter.yaml');
    files[`locales/${lng}/demands.yaml`] = from('demands.yaml');
    files[`locales/${lng}/campaigns/2020-test-letter.yaml`] = from('campaign.yaml');
  }
  const campaign = readFileSync(join(REPO, 'tests/fixtures/mini/campaigns/2020-test-letter.yaml'), 'utf8');
  files['campaigns/2020-test-letter.yaml'] = campaign.replace(
    'locales: [en, ko]',
    `locales: [${['en', ...languages].join(', ')}]`,
  );
  const dir = tempWorkspace(undefined, { ...files, ...overrides });
  for (const [path, font] of Object.entries(fonts)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(require.resolve(FIXTURE_FONTS[font]), join(dir, path));
  }
  return dir;
}
