import { browser } from 'wxt/browser';
import type { MarkingState } from '../messages/content';

/**
 * Where and how terms are marked. Kept in `storage.local`, not IndexedDB: content scripts can read
 * it directly (their IndexedDB is the page's) and `storage.onChanged` reaches every open tab, so a
 * change takes effect without a reload.
 */
export interface MarkingSettings {
  enabled: boolean;
  /** Hostnames where marking is off. */
  disabledSites: string[];
  /** How long the pointer rests on a mark before the card opens. */
  hoverDelayMs: number;
}

export const MARKING_KEY = 'marking';

export const DEFAULT_MARKING: MarkingSettings = { enabled: true, disabledSites: [], hoverDelayMs: 250 };

/** Repairs whatever is stored (an older format, a hand edit) into valid settings. */
export function normaliseMarking(value: unknown): MarkingSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof MarkingSettings, unknown>
  >;
  const delay = Number(v.hoverDelayMs);
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : DEFAULT_MARKING.enabled,
    disabledSites: Array.isArray(v.disabledSites)
      ? [...new Set(v.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0))]
      : [],
    hoverDelayMs: Number.isFinite(delay)
      ? Math.min(2000, Math.max(0, Math.round(delay)))
      : DEFAULT_MARKING.hoverDelayMs,
  };
}

/** The key marking is switched by: the hostname, so one switch covers a whole news site. */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function markingState(settings: MarkingSettings, site: string | null): MarkingState {
  if (!settings.enabled) return 'off-global';
  if (site !== null && settings.disabledSites.includes(site)) return 'off-site';
  return 'on';
}

export async function loadMarking(): Promise<MarkingSettings> {
  const stored = await browser.storage.local.get(MARKING_KEY);
  return normaliseMarking(stored[MARKING_KEY]);
}

async function updateMarking(change: (current: MarkingSettings) => MarkingSettings): Promise<MarkingSettings> {
  const next = normaliseMarking(change(await loadMarking()));
  await browser.storage.local.set({ [MARKING_KEY]: next });
  return next;
}

export function setMarkingEverywhere(enabled: boolean): Promise<MarkingSettings> {
  return updateMarking((s) => ({ ...s, enabled }));
}

export function setMarkingForSite(site: string, enabled: boolean): Promise<MarkingSettings> {
  return updateMarking((s) => ({
    ...s,
    disabledSites: enabled ? s.disabledSites.filter((d) => d !== site) : [...s.disabledSites, site],
  }));
}

export function setHoverDelay(hoverDelayMs: number): Promise<MarkingSettings> {
  return updateMarking((s) => ({ ...s, hoverDelayMs }));
}

/** Calls back with the new settings whenever any context changes them; returns the unsubscribe. */
export function watchMarking(callback: (settings: MarkingSettings) => void): () => void {
  // the local area's own event: the hover-card cache's many writes to storage.session never reach
  // it (every open tab would take in each batch of cards, once per listener)
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (MARKING_KEY in changes) callback(normaliseMarking(changes[MARKING_KEY]?.newValue));
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}
