import { Dexie, type Table } from 'dexie';
import { browser } from 'wxt/browser';
import { invalidateCards, type SessionArea } from '../messages/card-cache';
import { cardChangesMiddleware } from './card-changes';
import type {
  ClippingRecord,
  DismissedCandidateRecord,
  DocumentRecord,
  HiddenTermRecord,
  MetaRecord,
  PassageRecord,
  ReportRecord,
  ReportTermCountsRecord,
  SectionRecord,
  SegmentRecord,
  SettingRecord,
  ShardRecord,
  TermHitRecord,
  TermOverrideRecord,
  TermRecord,
  UserTermRecord,
} from './records';
import { SCHEMA_HISTORY } from './schema';
import { SCHEMA_UPGRADES } from './upgrades';

export const DB_NAME = 'policy-cross-ref';

export class PolicyDatabase extends Dexie {
  reports!: Table<ReportRecord, string>;
  sections!: Table<SectionRecord, string>;
  passages!: Table<PassageRecord, string>;
  terms!: Table<TermRecord, string>;
  termHits!: Table<TermHitRecord, [string, string]>;
  reportTermCounts!: Table<ReportTermCountsRecord, string>;
  segments!: Table<SegmentRecord, number>;
  shards!: Table<ShardRecord, [number, number]>;
  documents!: Table<DocumentRecord, string>;
  clippings!: Table<ClippingRecord, string>;
  settings!: Table<SettingRecord, string>;
  meta!: Table<MetaRecord, string>;
  userTerms!: Table<UserTermRecord, string>;
  termOverrides!: Table<TermOverrideRecord, string>;
  hiddenTerms!: Table<HiddenTermRecord, string>;
  dismissedCandidates!: Table<DismissedCandidateRecord, string>;

  private readonly cardListeners: (() => void)[] = [];

  constructor(name: string = DB_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_HISTORY) {
      const declared = this.version(version).stores(stores);
      const upgrade = SCHEMA_UPGRADES[version];
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(
      cardChangesMiddleware(() => {
        for (const listener of this.cardListeners) listener();
      }),
    );
  }

  /** Called after every committed change to what a hover card shows (./card-changes.ts). */
  onCardsChanged(listener: () => void): void {
    this.cardListeners.push(listener);
  }
}

let shared: PolicyDatabase | null = null;

/** The extension's database. Only extension-origin code (background, extension pages) may open it. */
export function database(): PolicyDatabase {
  if (!shared) {
    shared = new PolicyDatabase();
    // whichever context wrote (background, library or terms page), the cached cards go stale here
    const area = browser.storage.session as SessionArea | undefined;
    const announce = (items: Record<string, unknown>) => browser.storage.local.set(items);
    if (area) shared.onCardsChanged(() => void invalidateCards(area, announce).catch(() => {}));
  }
  return shared;
}
