import type { Font } from 'fontkit';

/*
 * fontkit 2.0.4 (pinned) plans the shaping of every `layout()` call from scratch: it selects the
 * script and language in GSUB and GPOS again, builds a new ShapingPlan (the feature stages), and
 * collects and sorts the lookups of each stage again. pdfkit and our measuring shape word by word,
 * so that planning cost as much as the shaping itself (a third of fontkit's time for the English
 * letter). A plan depends only on the font, the script, the direction and the requested features
 * (the shaper builds it before it looks at any glyph), and a stage's lookups only on the selected
 * script and language, so both are kept here and reused, as HarfBuzz caches its shape plans.
 * What still runs per call is all that depends on the text: the glyph infos, the per-glyph feature
 * assignment (Arabic joining, Hangul jamo, fractions) and the lookups themselves. Same inputs, same
 * glyphs and positions: the PDFs stay byte-identical (tests/fontkit-plans.test.ts compares).
 */

/** fontkit's ShapingPlan, as far as it is reused. */
interface ShapingPlan {
  allFeatures: Record<string, number>;
  assignGlobalFeatures(glyphs: unknown[]): void;
}

/** A fontkit shaper class (DefaultShaper and its subclasses): static methods only. */
interface Shaper {
  assignFeatures(plan: ShapingPlan, glyphs: unknown[]): void;
}

/** The parts of a fontkit GlyphRun the layout engine's setup reads and writes. */
interface GlyphRun {
  glyphs: { id: number; codePoints: number[] }[];
  script: string;
  language: string | null;
  direction: string;
  features: Record<string, boolean>;
}

/** An OpenType GSUB or GPOS processor (fontkit's OTProcessor). */
interface Processor {
  features: Record<string, unknown>;
  selectScript(script?: string, language?: string | null, direction?: string): string;
  lookupsForFeatures(userFeatures?: string[], exclude?: number[]): unknown[];
  [lastSelection]?: { script?: string; language?: string | null; direction?: string; tag: string };
}

/** fontkit's OTLayoutEngine. */
interface OpenTypeEngine {
  font: Font;
  glyphInfos: unknown[] | null;
  plan: ShapingPlan | null;
  shaper: Shaper | null;
  GSUBProcessor: Processor | null;
  GPOSProcessor: Processor | null;
  setup(glyphRun: GlyphRun): void;
  [plans]?: Map<string, { plan: ShapingPlan; shaper: Shaper; glyphInfo: GlyphInfoClass }>;
}

type GlyphInfoClass = new (font: Font, id: number, codePoints: number[]) => unknown;

const lastSelection = Symbol('openletter: last script selection');
const plans = Symbol('openletter: shaping plans');
const patched = Symbol('openletter: plans reused');

/** Lookups per stage, per selected script and language (a processor's `features` object is one selection). */
const stageLookups = new WeakMap<object, Map<string, unknown[]>>();

/**
 * Makes the layout engine of `font` reuse its shaping plans. Patches fontkit's classes once (every
 * font of the process shares them); a font without GSUB and GPOS (or with AAT `morx`) is left alone.
 */
export function reuseShapingPlans(font: Font): void {
  const engine = (font as unknown as { _layoutEngine?: { engine?: OpenTypeEngine } })._layoutEngine?.engine;
  if (engine === undefined || typeof engine.setup !== 'function') return;
  const engineClass = ownerOf(engine, 'setup');
  if (engineClass === undefined || Object.hasOwn(engineClass, patched)) return;
  const processor = engine.GSUBProcessor ?? engine.GPOSProcessor;
  const processorClass = processor && ownerOf(processor, 'selectScript');
  if (processorClass === undefined || ownerOf(processor!, 'lookupsForFeatures') !== processorClass) return;
  patchProcessor(processorClass as Processor);
  patchSetup(engineClass as OpenTypeEngine);
  Object.defineProperty(engineClass, patched, { value: true });
}

/** The object on the prototype chain of `object` that defines `method`. */
function ownerOf(object: object, method: string): object | undefined {
  for (let proto = Object.getPrototypeOf(object); proto !== null; proto = Object.getPrototypeOf(proto))
    if (Object.hasOwn(proto, method)) return proto as object;
  return undefined;
}

function patchProcessor(proto: Processor): void {
  const selectScript = proto.selectScript;
  // The same arguments as the call before select the same script, language and features again;
  // fontkit rebuilt the feature table each time (a language of null always counts as a change).
  proto.selectScript = function (script, language, direction) {
    const last = this[lastSelection];
    if (last !== undefined && last.script === script && last.language === language && last.direction === direction)
      return last.tag;
    const tag = selectScript.call(this, script, language, direction);
    this[lastSelection] = { script, language, direction, tag };
    return tag;
  };
  const lookupsForFeatures = proto.lookupsForFeatures;
  // Callers only iterate the list, so one sorted list per stage serves every call.
  proto.lookupsForFeatures = function (userFeatures = [], exclude) {
    if (exclude !== undefined) return lookupsForFeatures.call(this, userFeatures, exclude);
    let byStage = stageLookups.get(this.features);
    if (byStage === undefined) stageLookups.set(this.features, (byStage = new Map()));
    const key = userFeatures.join(',');
    let lookups = byStage.get(key);
    if (lookups === undefined) byStage.set(key, (lookups = lookupsForFeatures.call(this, userFeatures)));
    return lookups;
  };
}

function patchSetup(proto: OpenTypeEngine): void {
  const setup = proto.setup;
  proto.setup = function (glyphRun) {
    // As fontkit's setup: the script GSUB selects wins, else GPOS's (same arguments: see selectScript).
    let script: string | null = null;
    if (this.GPOSProcessor)
      script = this.GPOSProcessor.selectScript(glyphRun.script, glyphRun.language, glyphRun.direction);
    if (this.GSUBProcessor)
      script = this.GSUBProcessor.selectScript(glyphRun.script, glyphRun.language, glyphRun.direction);
    const key = `${script}\u0000${glyphRun.direction}\u0000${featureKey(glyphRun.features)}`;
    const cache = (this[plans] ??= new Map());
    const known = cache.get(key);
    if (known === undefined) {
      setup.call(this, glyphRun);
      const glyphInfo = (this.glyphInfos![0] as object).constructor as GlyphInfoClass;
      cache.set(key, { plan: this.plan!, shaper: this.shaper!, glyphInfo });
      return;
    }
    // fontkit's setup without planning: glyph infos, then the features each glyph gets.
    this.glyphInfos = glyphRun.glyphs.map((glyph) => new known.glyphInfo(this.font, glyph.id, [...glyph.codePoints]));
    this.shaper = known.shaper;
    this.plan = known.plan;
    known.plan.assignGlobalFeatures(this.glyphInfos);
    known.shaper.assignFeatures(known.plan, this.glyphInfos);
    for (const feature in known.plan.allFeatures) glyphRun.features[feature] = true;
  };
}

/** The requested features in the order given (the order in which a plan adds them). */
function featureKey(features: Record<string, boolean>): string {
  let key = '';
  for (const tag in features) key += `${tag}=${features[tag]},`;
  return key;
}
