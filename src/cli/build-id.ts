/** Set by scripts/build-bundle.mjs (esbuild's define) to the SHA-256 of the code it bundles. */
declare const OPENLETTER_BUILD: string | undefined;

/**
 * Which code this is, for caches of what the code derives (loaded workspaces): the bundle's build,
 * or undefined when the modules run unbundled (tests, scripts), which then cache nothing.
 */
export const BUILD: string | undefined = typeof OPENLETTER_BUILD === 'string' ? OPENLETTER_BUILD : undefined;
