import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_MARKING,
  loadMarking,
  markingState,
  normaliseMarking,
  setHoverDelay,
  setMarkingEverywhere,
  setMarkingForSite,
  siteOf,
  watchMarking,
} from '../../lib/settings/marking';

/** The fake browser's events count their listeners (not in the WebExtension types). */
const hasListeners = (event: object) => (event as { hasListeners(): boolean }).hasListeners();

describe('marking settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keys a page by its hostname, and only http(s) pages', () => {
    expect(siteOf('https://www.NHC.gov.cn/wjw/a.shtml?x=1#y')).toBe('www.nhc.gov.cn');
    expect(siteOf('http://127.0.0.1:8080/news.html')).toBe('127.0.0.1');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('repairs whatever is stored into valid settings', () => {
    expect(normaliseMarking(undefined)).toEqual(DEFAULT_MARKING);
    expect(normaliseMarking({ enabled: 'yes', disabledSites: ['a', 'a', 3, ''], hoverDelayMs: 99999 })).toEqual({
      enabled: true,
      disabledSites: ['a'],
      hoverDelayMs: 2000,
    });
    expect(normaliseMarking({ hoverDelayMs: -5 }).hoverDelayMs).toBe(0);
  });

  it('says why a page is not marked', () => {
    const settings = { ...DEFAULT_MARKING, disabledSites: ['example.com'] };
    expect(markingState(settings, 'example.com')).toBe('off-site');
    expect(markingState(settings, 'other.org')).toBe('on');
    expect(markingState({ ...settings, enabled: false }, 'other.org')).toBe('off-global');
  });

  it('persists switches and tells every watcher', async () => {
    const seen: boolean[] = [];
    const stop = watchMarking((s) => seen.push(s.disabledSites.includes('a.cn')));
    await setMarkingForSite('a.cn', false);
    await setMarkingForSite('a.cn', false); // twice: still listed once
    expect((await loadMarking()).disabledSites).toEqual(['a.cn']);
    await setMarkingForSite('a.cn', true);
    await setMarkingEverywhere(false);
    await setHoverDelay(400);
    expect(await loadMarking()).toEqual({ enabled: false, disabledSites: [], hoverDelayMs: 400 });
    stop();
    await setMarkingEverywhere(true);
    expect(seen).toEqual([true, true, false, false, false]);
  });

  it('listens to the local area alone: the hover-card cache writing to storage.session reaches no watcher', async () => {
    const seen: boolean[] = [];
    const stop = watchMarking((s) => seen.push(s.enabled));
    expect(hasListeners(fakeBrowser.storage.onChanged)).toBe(false);
    await fakeBrowser.storage.session.set({ 'card:3:x': { generation: 1 } });
    await setMarkingEverywhere(false);
    expect(seen).toEqual([false]);
    stop();
    expect(hasListeners(fakeBrowser.storage.local.onChanged)).toBe(false);
  });
});
