import { type ClippingsProtocol, clippingsValidators } from './clippings';
import { type CorpusProtocol, corpusValidators } from './corpus';
import { parseWith, type Validators } from './validate';

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

const VALIDATORS = { ...corpusValidators, ...clippingsValidators } satisfies Validators<ProtocolMap>;

/** Validates a message received by the background; anything malformed is refused, not guessed at. */
export function parseEnvelope(message: unknown): Envelope | null {
  return parseWith<ProtocolMap>(VALIDATORS, message) as Envelope | null;
}
