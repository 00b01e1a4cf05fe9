/** Types of signon-csv.mjs (a plain ES module the benchmark runs without a build), for the tests that import it. */
export function signOnCsv(n: number, seed?: number): string;
