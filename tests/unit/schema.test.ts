import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { PolicyDatabase } from '../../lib/db/database';
import { CLIPPING_FORMAT, type ClippingRecord } from '../../lib/db/records';
import { SCHEMA_HISTORY } from '../../lib/db/schema';

/**
 * The schema history is append-only: a shipped version must never change, or browsers that
 * already hold it would not be upgraded the way the code assumes. Update this pin only by
 * appending a version (and a fixture for it below).
 */
const PINNED = [
  {
    version: 1,
    stores: {
      reports: 'id, levelRank, date',
      sections: 'id, reportId',
      passages: 'id, reportId, sectionId, [reportId+seq], *grams',
      terms: 'id, category, *keys',
      termHits: '[termId+passageId], termId, passageId, reportId, [termId+levelRank]',
      clippings: 'id, createdAt, updatedAt, urlKey, passageId, reportId, *tags, *terms, deletedAt',
      settings: 'key',
      meta: 'key',
    },
  },
];

/** One clipping as each schema version stored it. */
const CLIPPING_FIXTURES: Record<number, ClippingRecord> = {
  1: {
    id: 'fixture-v1',
    format: CLIPPING_FORMAT,
    kind: 'passage',
    quote: '深入推进“千县工程”',
    passageId: 'national-work-conference-2024:5',
    reportId: 'national-work-conference-2024',
    section: '2024年全国卫生健康工作会议召开',
    tags: ['县医院'],
    terms: ['qianxian-gongcheng'],
    note: '第二点',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_001,
  },
};

describe('schema history', () => {
  it('is pinned: shipped versions are never edited, only appended', () => {
    expect(SCHEMA_HISTORY.slice(0, PINNED.length)).toEqual(PINNED);
    expect(SCHEMA_HISTORY.map((v) => v.version)).toEqual(SCHEMA_HISTORY.map((_, i) => i + 1));
  });

  it('has a clipping fixture for every version', () => {
    for (const { version } of SCHEMA_HISTORY) expect(CLIPPING_FIXTURES[version], `v${version}`).toBeDefined();
  });

  it.each(SCHEMA_HISTORY.map((v) => v.version))(
    'upgrades a v%i database holding clippings without loss',
    async (version) => {
      const name = `schema-upgrade-from-${version}`;
      const old = new Dexie(name);
      for (const step of SCHEMA_HISTORY.filter((v) => v.version <= version))
        old.version(step.version).stores(step.stores);
      const fixture = CLIPPING_FIXTURES[version] as ClippingRecord;
      await old.table('clippings').put(fixture);
      await old.table('settings').put({ key: 'marking', value: { enabled: true } });
      old.close();

      const current = new PolicyDatabase(name);
      await current.open();
      expect(current.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
      const stored = await current.clippings.get(fixture.id);
      for (const [field, value] of Object.entries(fixture))
        expect(stored?.[field as keyof ClippingRecord], field).toEqual(value);
      expect(await current.settings.get('marking')).toEqual({ key: 'marking', value: { enabled: true } });
      current.close();
      await Dexie.delete(name);
    },
  );
});
