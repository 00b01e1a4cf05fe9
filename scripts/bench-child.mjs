// Runs the CLI (argv[2] = bin path, rest = its arguments) and reports its peak RSS on stderr at exit,
// so the benchmark can record memory without platform-specific tools.
process.on('exit', () => process.stderr.write(`\nBENCH_RSS=${process.resourceUsage().maxRSS}\n`));
const [bin, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], bin, ...args];
await import(bin);
