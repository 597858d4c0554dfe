import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
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
      expect(Boolean(a.placeholders), key).toBe(Boolean(b?.placeholders));
      expect(a.message.includes('$COUNT$'), key).toBe(Boolean(a.placeholders));
    }
  });

  it('falls back to the Chinese text and fills placeholders', () => {
    expect(t('occurrences', 3)).toMatch(/3/);
    expect(t('appTitle').length).toBeGreaterThan(0);
  });
});
