import { normalizeKey } from '../text/fold';
import { fnv1a } from '../text/hash';
import type { UserReportFields } from './records';
import type { ReportMeta } from './types';

/** What the user confirms in the form: a report's metadata before it is ingested. */
export type UserReportMeta = ReportMeta & UserReportFields;

/** User report ids never collide with bundled ones (those have no `user-` prefix). */
export function newUserReportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `user-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Same normalised text ⇒ same key: how a page or file added twice is recognised. */
export function textKey(text: string): string {
  const key = normalizeKey(text);
  return `${key.length}-${fnv1a(key)}-${fnv1a(key, 0x12345678)}`;
}
