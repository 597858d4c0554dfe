import type { Runtime } from 'webextension-polyfill';
import type { PolicyDatabase } from '../db/database';

/** What every background handler gets besides its validated request. */
export interface HandlerContext {
  db: PolicyDatabase;
  sender: Runtime.MessageSender;
}

/** One async handler per request type of a protocol. */
export type Handlers<P extends { [K in keyof P]: { request: unknown; response: unknown } }> = {
  [K in keyof P]: (request: P[K]['request'], context: HandlerContext) => Promise<P[K]['response']>;
};
