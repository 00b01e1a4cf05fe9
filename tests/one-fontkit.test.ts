import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * In a CLI-like process (dist/, Node's own loader): a workspace font, a bundled face and pdfkit's
 * own import of fontkit are one module, so fontkit is compiled and held once.
 */
const SCRIPT = `
import { readFileSync } from 'node:fs';
const { registerWorkspaceFont, workspaceFace } = await import('./dist/fonts/workspace-fonts.js');
const { loadFace } = await import('./dist/fonts/font-library.js');
const { fontkit } = await import('./dist/fonts/fontkit.js');
const bytes = readFileSync('node_modules/@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf');
const brought = workspaceFace(registerWorkspaceFont({ regular: { path: 'fonts/thai.ttf', bytes } }).id, 'regular');
const bundled = loadFace('noto-serif', 'regular');
const asPdfkitImportsIt = await import('fontkit');
process.stdout.write(JSON.stringify({
  sameClass: Object.getPrototypeOf(brought.font) === Object.getPrototypeOf(bundled.font),
  pdfkitsModule: asPdfkitImportsIt.create === fontkit().create,
}));
`;

describe('one fontkit per process', () => {
  it('opens workspace and bundled faces with the fontkit module pdfkit imports', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ sameClass: true, pdfkitsModule: true });
  });
});
