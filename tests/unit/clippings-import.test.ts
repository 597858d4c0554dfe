import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, exportJson } from '../../lib/clippings/export';
import { checkBackup, MAX_IMPORT_CHARS } from '../../lib/clippings/import';
import { importClippings, withDerived } from '../../lib/clippings/store';
import { PolicyDatabase } from '../../lib/db/database';
import type { ClippingRecord } from '../../lib/db/records';

const T = Date.UTC(2024, 0, 1, 12);

function record(id: string, fields: Partial<ClippingRecord> = {}): ClippingRecord {
  return withDerived({
    id,
    kind: 'page',
    quote: `推进紧密型县域医共体建设 ${id}`,
    url: 'https://example.org/a?utm_source=x',
    urlKey: 'https://example.org/a',
    title: '通知',
    tags: ['医共体'],
    terms: ['jinmixing-yigongti'],
    note: '笔记',
    createdAt: T,
    updatedAt: T,
    ...fields,
  });
}

const backupOf = (clippings: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: '2024-01-01T00:00:00Z', clippings, ...extra });

const opened: PolicyDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
function freshDb() {
  const db = new PolicyDatabase(`import-${Math.random()}`);
  opened.push(db);
  return db;
}

describe('JSON backup validation', () => {
  it('round-trips an export: the same records come back', () => {
    const records = [
      record('a'),
      record('b', { kind: 'passage', passageId: 'r:1', reportId: 'r', url: undefined, urlKey: undefined }),
    ];
    const check = checkBackup(exportJson(records));
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.records).toEqual(records);
  });

  it.each([
    ['truncated', () => exportJson([record('a')]).slice(0, 120), /不是有效的 JSON/],
    ['not JSON at all', () => 'PK\u0003\u0004 binary', /不是有效的 JSON/],
    ['an array at the top', () => '[]', /顶层应为对象/],
    ['another format', () => JSON.stringify({ format: 'x', version: 1, clippings: [] }), /不是政策对照的摘录备份/],
    ['a future version', () => backupOf([], { version: 99 }), /不支持的备份版本 99/],
    ['a count that does not match', () => backupOf([{}], { count: 5 }), /文件不完整/],
    ['clippings not an array', () => backupOf([]).replace('"clippings":[]', '"clippings":{}'), /clippings 应为数组/],
  ])('refuses a file that is %s', (_name, make, message) => {
    const check = checkBackup(make());
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.join('\n')).toMatch(message);
  });

  it('refuses an oversized file before parsing it', () => {
    const check = checkBackup(' '.repeat(MAX_IMPORT_CHARS + 1));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[0]).toMatch(/文件过大/);
  });

  it('says which record and field is wrong', () => {
    const bad = [
      record('ok'),
      { ...record('x'), quote: 42 },
      { ...record('y'), url: 'javascript:alert(document.cookie)' },
      { ...record('z'), tags: ['a', { toString: 1 }] },
      { ...record('w'), createdAt: 'yesterday' },
      { ...record('v'), id: '../../etc' },
      { ...record('u'), kind: 'script' },
    ];
    const check = checkBackup(backupOf(bad));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const text = check.errors.join('\n');
    expect(text).toContain('clippings[1].quote');
    expect(text).toContain('clippings[2].url');
    expect(text).toContain('clippings[3].tags');
    expect(text).toContain('clippings[4].createdAt');
    expect(text).toContain('clippings[5].id');
    expect(text).toContain('clippings[6].kind');
    expect(text).not.toContain('clippings[0]');
  });

  it('gives a clear message for malformed values anywhere, deep nesting included', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const file = (fields: string) =>
      `{"format":"policy-cross-ref/clippings","exportedAt":"2026-01-01T00:00:00Z",${fields}}`;
    const cases: Array<[string, RegExp]> = [
      [
        file(`"version":${deep(20000)},"count":0,"clippings":[]`),
        /不支持的备份版本 数组（1 项）（version 应为 1–1 的整数）/,
      ],
      [file(`"version":1,"count":${deep(20000)},"clippings":[]`), /count 应为非负整数，文件中是 数组（1 项）/],
      [file(`"version":1,"count":1.5,"clippings":[]`), /count 应为非负整数，文件中是 1\.5/],
      [file(`"version":{"a":1},"clippings":[]`), /不支持的备份版本 对象/],
      [file(`"version":1,"clippings":${deep(3)}`), /clippings\[0\]：应为对象/],
      [file(`"version":1,"clippings":{"0":1}`), /clippings 应为数组，文件中是 对象/],
    ];
    for (const [text, message] of cases) {
      const check = checkBackup(text);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.errors.join('\n')).toMatch(message);
    }
    const nested = { ...record('n'), tags: JSON.parse(deep(2000)), format: JSON.parse(deep(2000)) };
    const check = checkBackup(backupOf([nested]));
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.errors).toEqual(expect.arrayContaining([expect.stringMatching(/clippings\[0\]\.tags/)]));
  });

  it('refuses duplicate ids within one file', () => {
    const check = checkBackup(backupOf([record('a'), record('a')]));
    expect(check.ok).toBe(false);
  });

  it('copies known fields only: hostile keys never reach a record', () => {
    const raw = `{"format":"${BACKUP_FORMAT}","version":1,"clippings":[${JSON.stringify(record('a')).replace(
      '{',
      '{"__proto__":{"polluted":true},"constructor":{"x":1},"evil":"<img src=x onerror=alert(1)>",',
    )}]}`;
    const check = checkBackup(raw);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const stored = check.records[0] as unknown as Record<string, unknown>;
    expect(Object.hasOwn(stored, 'evil')).toBe(false);
    expect(Object.hasOwn(stored, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('recomputes the page key and derived fields instead of trusting the file', () => {
    const forged = { ...record('a'), urlKey: 'https://victim.example/', dedupKey: 'forged' };
    const check = checkBackup(backupOf([forged]));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.records[0]?.urlKey).toBe('https://example.org/a');
    expect(check.records[0]?.dedupKey).not.toBe('forged');
    expect(Object.hasOwn(check.records[0] ?? {}, 'grams')).toBe(false);
  });
});

describe('importing into the database', () => {
  it('adds new records and merges those already present (same id), never duplicating', async () => {
    const db = freshDb();
    await db.clippings.bulkAdd([record('a', { tags: ['本地'], note: '本地笔记' }), record('b')]);
    const incoming = [record('a', { tags: ['导入'], note: '导入笔记', updatedAt: T + 10 }), record('c')];
    const result = await importClippings(db, incoming);
    expect(result).toEqual({ added: 1, merged: 1, keptBoth: 0 });
    expect(await db.clippings.count()).toBe(3);
    const a = await db.clippings.get('a');
    expect(a?.tags).toEqual(['本地', '导入']);
    expect(a?.note).toBe('本地笔记\n\n导入笔记');
    expect(a?.updatedAt).toBe(T + 10);
    // importing the same file again changes nothing more
    await importClippings(db, incoming);
    expect(await db.clippings.count()).toBe(3);
    expect((await db.clippings.get('a'))?.tags).toEqual(['本地', '导入']);
  });

  it('keeps both when an id meets a different clipping, and says so', async () => {
    const db = freshDb();
    const local = record('a', { note: '本地' });
    await db.clippings.add(local);
    const other = record('a', { quote: '完全不同的一段话', note: '导入' });
    const result = await importClippings(db, [other]);
    expect(result).toEqual({ added: 0, merged: 0, keptBoth: 1 });
    const all = await db.clippings.toArray();
    expect(all).toHaveLength(2);
    expect(await db.clippings.get('a')).toEqual(local);
    const copy = all.find((c) => c.id !== 'a');
    expect(copy?.quote).toBe('完全不同的一段话');
    expect(copy?.note).toBe('导入');
  });

  it('writes nothing when the write fails part way', async () => {
    const db = freshDb();
    await db.clippings.add(record('keep'));
    // a record the store's key path cannot take makes bulkPut fail after others were queued
    const broken = { ...record('z'), id: undefined } as unknown as ClippingRecord;
    await expect(importClippings(db, [record('n1'), record('n2'), broken])).rejects.toThrow(/导入未写入任何摘录/);
    expect((await db.clippings.toCollection().primaryKeys()).sort()).toEqual(['keep']);
  });
});
