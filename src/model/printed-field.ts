import type { Mission } from './project.js';
import { spanIn, type Span } from './span.js';

/** Where a stretch of a printed mission field is written: in the field's value, else the record. */
export function printedAt(m: Mission, field: string, index: number, length: number): Span {
  const text = m.printed.get(field);
  return text ? spanIn(text, index, length) : m.span;
}

/**
 * The printed field each line of a mission's postal address is written in: "address[1]", or
 * "address_local.ko[1]" when the packet prints the address its language has (the same lines).
 */
export function addressFields(m: Mission, address: readonly string[]): string[] {
  const local = [...(m.addressLocal ?? [])].find(([, lines]) => lines === address)?.[0];
  return address.map((_, k) => (local ? `address_local.${local}[${k}]` : `address[${k}]`));
}
