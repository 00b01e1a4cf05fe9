/** Today's date (YYYY-MM-DD): OPENLETTER_TODAY when set (tests, reproducible runs), else the clock's, in UTC. */
export function today(): string {
  const t = process.env.OPENLETTER_TODAY;
  return t && /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : new Date().toISOString().slice(0, 10);
}
