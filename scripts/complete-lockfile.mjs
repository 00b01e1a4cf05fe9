#!/usr/bin/env node
// The npm registry this project's machines reach serves only some platforms' builds of packages such
// as rollup's native binaries, so `npm install` here writes a package-lock.json that lacks the other
// platforms' optional packages, and `npm ci` then refuses it ("Missing: @rollup/rollup-darwin-x64 from
// lock file"). This adds those optional entries back, marked with their platform, so `npm ci` skips
// them as it would on any machine of another platform. Run after `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;
const platform = (name) => {
  const os = [
    'android',
    'darwin',
    'freebsd',
    'openbsd',
    'linux',
    'win32',
    'openharmony',
    'sunos',
    'aix',
    'netbsd',
  ].find((o) => name.includes(`-${o}-`));
  const cpu = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'arm'].find((c) =>
    new RegExp(`-${c}(-|$)`).test(name),
  );
  const libc = /-musl/.test(name) ? 'musl' : /-gnu/.test(name) && os === 'linux' ? 'glibc' : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
};
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (pkgs[key] || pkgs[`${path}/${key}`]) continue;
    const entry = { version, ...(meta.dev ? { dev: true } : {}), optional: true, ...platform(dep) };
    pkgs[key] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform entries to package-lock.json`);
