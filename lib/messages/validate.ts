/**
 * Small guards for validating message payloads. Messages cross a trust boundary (a content script
 * runs inside pages we do not control), so every field is checked for type and size before use.
 */

export type Payload = Record<string, unknown>;

/** Turns a raw payload into a typed request, or null when anything is off. */
export type Validator<T> = (payload: Payload) => T | null;

/** One validator per request type of a protocol. */
export type Validators<P extends { [K in keyof P]: { request: unknown; response: unknown } }> = {
  [K in keyof P]: Validator<P[K]['request']>;
};

export const MAX_ID = 200;

export function isShortString(value: unknown, max = MAX_ID): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

export function isBoundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function isStringArray(value: unknown, maxItems: number, maxLength = MAX_ID): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= maxItems &&
    value.every((item) => typeof item === 'string' && item.length <= maxLength)
  );
}
