#!/usr/bin/env node
// Thin shim: the CLI lives in src/cli (compiled to dist/ by `npm run build`, which `npm ci` runs in the repository).
import { exitQuietlyOnClosedPipe, exitQuietlyOnInterrupt, run } from '../dist/cli/main.js';
import { nodeIo } from '../dist/io/node-io.js';
exitQuietlyOnInterrupt();
exitQuietlyOnClosedPipe();
process.exitCode = await run(process.argv.slice(2), nodeIo());
