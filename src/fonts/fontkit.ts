import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type Fontkit = typeof import('fontkit');

const require = createRequire(import.meta.url);
let loaded: Fontkit | undefined;

/**
 * fontkit, loaded on first use: the very module pdfkit imports (fontkit's ESM build), so a process
 * compiles and holds one copy of it, and every face is one kind of object whichever module opened
 * it. Loading the workspace must stay synchronous and must not import fontkit unless a locale brings
 * a font file, hence `require` of the ESM file (Node 20.19+, 22.12+); where Node cannot require ES
 * modules, fontkit's CommonJS build, a second copy that works the same.
 */
export function fontkit(): Fontkit {
  if (loaded === undefined) {
    try {
      loaded = require(fileURLToPath(import.meta.resolve('fontkit'))) as Fontkit;
    } catch {
      loaded = require('fontkit') as Fontkit;
    }
  }
  return loaded;
}
