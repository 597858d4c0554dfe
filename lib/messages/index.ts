import { type ClippingsProtocol, clippingsValidators } from './clippings';
import { type CorpusProtocol, corpusValidators } from './corpus';
import type { Payload, Validator } from './validate';

/**
 * The typed protocol from content scripts and extension pages to the background, which owns the
 * database (a content script's IndexedDB is the page's, not ours). Each feature declares its
 * requests in its own module; this map joins them. The background validates every request.
 */
export type ProtocolMap = CorpusProtocol & ClippingsProtocol;

export type MessageType = keyof ProtocolMap;

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: ProtocolMap[K]['request'];
}

const VALIDATORS: { [K in MessageType]: Validator<ProtocolMap[K]['request']> } = {
  ...corpusValidators,
  ...clippingsValidators,
};

/** Validates a message received by the background; anything malformed is refused, not guessed at. */
export function parseEnvelope(message: unknown): Envelope | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(VALIDATORS, type)) return null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const validate = VALIDATORS[type as MessageType] as Validator<unknown>;
  const request = validate(payload as Payload);
  return request === null ? null : ({ type, payload: request } as Envelope);
}
