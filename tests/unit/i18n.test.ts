import { describe, expect, it } from 'vitest';
import { plural, t } from '../../lib/i18n';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

describe('interface messages', () => {
  it('has every message in Chinese and in English, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      const a = zh[key] as { message: string; placeholders?: object };
      const b = (en as Record<string, { message: string; placeholders?: object }>)[key];
      expect(a.message.length, key).toBeGreaterThan(0);
      expect(b?.message.length, key).toBeGreaterThan(0);
      expect(Object.keys(a.placeholders ?? {}).sort(), key).toEqual(Object.keys(b?.placeholders ?? {}).sort());
      // every $NAME$ in either text is a declared placeholder, and every placeholder is used
      for (const message of [a.message, b?.message ?? '']) {
        const used = [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] as string).toLowerCase());
        expect([...new Set(used)].sort(), key).toEqual(Object.keys(a.placeholders ?? {}).sort());
      }
    }
  });

  it('has both plural forms of every counted message, and no full-width colon in English', () => {
    for (const key of Object.keys(zh)) {
      if (key.endsWith('_one')) expect(Object.keys(zh), key).toContain(key.replace(/_one$/, '_other'));
      if (key.endsWith('_other')) expect(Object.keys(zh), key).toContain(key.replace(/_other$/, '_one'));
    }
    for (const [key, entry] of Object.entries(en as Record<string, { message: string }>)) {
      if (/^(toast|selection|inpage)_/.test(key)) expect(entry.message, key).not.toMatch(/[：，。（）]/);
    }
  });

  it('picks the plural form and fills every placeholder', () => {
    expect(plural('toast_detailsSaved', 2)).toBe('已为摘录添加 2 个标签 ✓');
    expect(t('toast_notSaved', '太长')).toBe('未保存：太长');
    expect(plural('inpage_tooLong', 6000, 5000)).toContain('（6,000 字），一条摘录最多 5000 字');
  });

  it('falls back to the Chinese text and fills placeholders', () => {
    expect(t('occurrences', 3)).toMatch(/3/);
    expect(t('appTitle').length).toBeGreaterThan(0);
  });
});
