// Test databases, each with a new name, deleted after each test: one helper instead of a counter,
// a list and a cleanup loop in every file that opens PolicyDatabase.
import { Dexie } from 'dexie';
import { PolicyDatabase } from '../../lib/db/database';

export function freshDatabases(prefix: string) {
  let counter = 0;
  const opened: PolicyDatabase[] = [];
  return {
    /** A new, empty database. */
    freshDb(): PolicyDatabase {
      const db = new PolicyDatabase(`${prefix}-${++counter}`);
      opened.push(db);
      return db;
    },
    /** Closes and deletes every database opened since the last call (for afterEach). */
    async deleteAll(): Promise<void> {
      for (const db of opened.splice(0)) {
        db.close();
        await Dexie.delete(db.name);
      }
    },
  };
}
