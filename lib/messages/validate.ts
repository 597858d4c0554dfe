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

/**
 * Validates `{ type, payload }` against a protocol's validators: unknown types, non-object
 * payloads and invalid fields are refused (null), and only the validated fields are returned.
 */
export function parseWith<P extends { [K in keyof P]: { request: unknown; response: unknown } }>(
  validators: Validators<P>,
  message: unknown,
): { type: keyof P & string; payload: P[keyof P]['request'] } | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(validators, type)) return null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const request = (validators[type as keyof P] as Validator<unknown>)(payload as Payload);
  return request === null ? null : { type: type as keyof P & string, payload: request as P[keyof P]['request'] };
}
