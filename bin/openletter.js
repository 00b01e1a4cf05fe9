#!/usr/bin/env node
// Runs the CLI, which the build bundles into one CommonJS file (scripts/build-bundle.mjs), through V8's
// code cache: compiling the bundle's 3 MB of JavaScript costs a cold process more than loading it.
// Node 20 has no module.enableCompileCache (22.1+), and an ES module cannot be given cached data, so
// the bundle runs as a vm.Script, with Node's CommonJS wrapper, and the bytecode V8 compiled is kept
// under the user's cache folder, named by the bundle's SHA-256 and the command (each command
// compiles other functions). Damaged or stale data is rejected by V8 and written anew.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const BUNDLE = fileURLToPath(new URL('../dist/openletter.cjs', import.meta.url));

const bytes = readFileSync(BUNDLE);
const dir = codeCacheDir(process.env, process.platform);
const build = sha256(bytes);
const file = dir && join(dir, `${build}-${commandName(process.argv.slice(2)) ?? 'help'}.bin`);
const cachedData = file ? readOrUndefined(file) : undefined;
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`,
  {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
  },
);
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
try {
  await module.exports.main();
} finally {
  // After the run, so the functions this command compiled lazily are in the cache too.
  if (file && (!cachedData || script.cachedDataRejected)) store(file, script.createCachedData(), build);
}

/**
 * $XDG_CACHE_HOME/openletter/code, else ~/.cache/openletter/code (%LOCALAPPDATA%\openletter\cache\code
 * on Windows): src/util/user-cache-dir.ts's rule, which cannot be imported before the bundle loads
 * (tests/user-cache-dir.test.ts holds the two to one answer); none when OPENLETTER_CACHE=off.
 */
function codeCacheDir(env, platform) {
  if (env.OPENLETTER_CACHE === 'off') return undefined;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'openletter', 'code');
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'openletter', 'cache', 'code');
  if (env.HOME) return join(env.HOME, '.cache', 'openletter', 'code');
  return undefined;
}

/** The command word, as src/cli/main.ts finds it: the first argument that is not a root option or its value. */
function commandName(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-w' || args[i] === '--workspace' || args[i] === '--format') i++;
    else if (!args[i].startsWith('-')) return /^[a-z]+$/.test(args[i]) ? args[i] : undefined;
  }
  return undefined;
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

function readOrUndefined(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Through a temporary file renamed into place: a process reading at the same time sees all or nothing.
 * The data of earlier builds is removed: no later process can use it.
 */
function store(path, data, build) {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
    for (const name of readdirSync(dirname(path)))
      if (name.endsWith('.bin') && !name.startsWith(build)) rmSync(join(dirname(path), name), { force: true });
  } catch {
    // An unwritable cache folder only costs the next process the compilation.
    rmSync(temporary, { force: true });
  }
}
