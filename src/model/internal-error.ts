/**
 * A bug in openletter itself, not in the user's input: an invariant that does not hold (a switch
 * reaching a value its union does not have, a text that loaded but no longer parses).
 */
export class InternalError extends Error {
  override name = 'InternalError';
}
