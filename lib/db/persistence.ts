export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

/**
 * Asks the browser to keep the extension's storage under pressure. Only a document can ask (the
 * API is not in service workers), so extension pages call this when they open.
 */
export async function requestPersistence(): Promise<PersistenceState> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return 'unsupported';
  if (await storage.persisted()) return 'persisted';
  return (await storage.persist()) ? 'persisted' : 'best-effort';
}
