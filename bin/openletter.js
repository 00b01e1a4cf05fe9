#!/usr/bin/env node
// Thin shim: the CLI lives in src/cli (compiled to dist/ by `npm run build`, run automatically by `npm ci`).
import { exitQuietlyOnInterrupt, run } from '../dist/cli/main.js';
import { nodeIo } from '../dist/io/node-io.js';
exitQuietlyOnInterrupt();
process.exitCode = await run(process.argv.slice(2), nodeIo());
