import type { Io } from '../io/io.js';

/** The machine's clock and environment, for callers outside a CLI run. */
const PROCESS_CLOCK: Pick<Io, 'env' | 'now'> = { env: process.env, now: () => new Date() };

/** Today's date (YYYY-MM-DD): OPENLETTER_TODAY when set (tests, reproducible runs), else the clock's, in UTC. */
export function today({ env, now }: Pick<Io, 'env' | 'now'> = PROCESS_CLOCK): string {
  const t = env.OPENLETTER_TODAY;
  return t && /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : now().toISOString().slice(0, 10);
}
