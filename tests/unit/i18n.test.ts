import { describe, expect, it } from 'vitest';
import { fill, plural, t, tn } from '../../lib/i18n';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const ZH = zh as Record<string, Entry>;
const EN = en as Record<string, Entry>;

describe('interface messages', () => {
  it('has every message in Chinese and in English, with the same placeholders, each one used', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      const a = ZH[key] as Entry;
      const b = EN[key] as Entry;
      expect(a.message.length, key).toBeGreaterThan(0);
      expect(b?.message.length, key).toBeGreaterThan(0);
      expect(Object.keys(a.placeholders ?? {}).sort(), key).toEqual(Object.keys(b.placeholders ?? {}).sort());
      for (const entry of [a, b]) {
        const used = [...entry.message.matchAll(/\$([A-Za-z_]+)\$/g)].map((m) => (m[1] as string).toLowerCase());
        expect(used.sort(), `${key}: placeholders used = declared`).toEqual(
          Object.keys(entry.placeholders ?? {}).sort(),
        );
      }
    }
  });

  it('comes in pairs for counted messages (…_one and …_other)', () => {
    for (const key of Object.keys(zh)) {
      if (key.endsWith('_one')) expect(ZH[key.replace(/_one$/, '_other')], key).toBeDefined();
      if (key.endsWith('_other')) expect(ZH[key.replace(/_other$/, '_one')], key).toBeDefined();
    }
  });

  it('has no full-width punctuation in English, nor ASCII colons ending Chinese labels', () => {
    for (const key of Object.keys(en)) {
      expect((EN[key] as Entry).message, key).not.toMatch(/[，。：；！？（）]/);
      expect((ZH[key] as Entry).message, key).not.toMatch(/[\u4e00-\u9fa5]:\s*$/);
    }
  });

  it('picks the plural form and fills every placeholder', () => {
    expect(plural('toast_detailsSaved', 2)).toBe('已为摘录添加 2 个标签 ✓');
    expect(t('toast_notSaved', '太长')).toBe('未保存：太长');
    expect(plural('inpage_tooLong', 6000, 5000)).toContain('（6,000 字），一条摘录最多 5000 字');
  });

  it('falls back to the Chinese text and fills placeholders by position', () => {
    expect(t('occurrences', 3)).toMatch(/3/);
    expect(t('appTitle').length).toBeGreaterThan(0);
    expect(t('clippings_importRefused', 'a.json')).toBe('“a.json”无法导入，未做任何更改：');
    const two = { message: '$B$ then $A$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } };
    expect(fill(two, ['x', 'y'])).toBe('y then x');
  });

  it('chooses singular or plural by the count', () => {
    const english = (key: string, count: number) =>
      fill(EN[`${key}_${count === 1 ? 'one' : 'other'}`] as Entry, [String(count)]);
    expect(english('clippings_results', 1)).toBe('1 result');
    expect(english('clippings_results', 2)).toBe('2 results');
    expect(english('clippings_deleted', 1)).toBe('Deleted 1 clipping.');
    expect(tn('clippings_results', 1)).toBe('1 条结果');
    expect(tn('clippings_exported', 12, 'CSV')).toBe('已导出 12 条摘录（CSV）。');
  });
});
