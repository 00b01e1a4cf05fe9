#!/usr/bin/env node
// Thin shim: the CLI lives in src/cli (compiled to dist/ by `npm run build`, run automatically by `npm ci`).
import { main } from '../dist/cli/main.js';
await main(process.argv);
