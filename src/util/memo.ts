/**
 * The one way a module keeps what it computed for the rest of the process: a function of a key
 * (a text, a language tag, a code point, a loaded locale) whose value is the same every time it is
 * asked, so later calls reuse it. The values are shared: they must never be mutated.
 */

/** Options of {@link memo}. */
export interface MemoOptions<A extends unknown[]> {
  /** The key of a call (default: its first argument); calls with one key share one value. */
  key?: (...args: A) => unknown;
  /** Past this many keys the memo starts over: a long batch cannot grow it without bound. */
  max?: number;
}

/** `make`, run once per key (a value compared as a Map compares keys) for the process. */
export function memo<A extends unknown[], V>(make: (...args: A) => V, options: MemoOptions<A> = {}): (...args: A) => V {
  const values = new Map<unknown, V>();
  const { key = (...args: A) => args[0], max } = options;
  return (...args) => {
    const k = key(...args);
    if (values.has(k)) return values.get(k) as V;
    if (max !== undefined && values.size >= max) values.clear();
    const v = make(...args);
    values.set(k, v);
    return v;
  };
}

/**
 * `make`, run once per object (its first argument; the value goes with it when nothing else holds
 * it): what is derived from a loaded project or locale.
 */
export function memoByObject<K extends object, A extends unknown[], V>(
  make: (key: K, ...rest: A) => V,
): (key: K, ...rest: A) => V {
  const values = new WeakMap<K, V>();
  return (key, ...rest) => {
    if (values.has(key)) return values.get(key) as V;
    const v = make(key, ...rest);
    values.set(key, v);
    return v;
  };
}
