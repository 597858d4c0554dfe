import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import {
  loadMarking,
  type MarkingSettings,
  setHoverDelay,
  setMarkingEverywhere,
  setMarkingForSite,
  watchMarking,
} from '../../lib/settings/marking';

const DELAYS = [0, 150, 250, 400, 700];

/** Marking on/off for the inspected site and everywhere, and the hover delay. Applies to open tabs at once. */
export function MarkingSwitches({ site }: { site: string | null }) {
  const [settings, setSettings] = useState<MarkingSettings | null>(null);
  useEffect(() => {
    void loadMarking().then(setSettings);
    return watchMarking(setSettings);
  }, []);
  if (!settings) return null;
  return (
    <section class="settings" data-testid="settings">
      <h2>{t('settings')}</h2>
      {site && (
        <label>
          <input
            type="checkbox"
            data-nav
            data-testid="mark-site"
            checked={!settings.disabledSites.includes(site)}
            onChange={(e) => void setMarkingForSite(site, (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('markSite')} <span class="meta">{site}</span>
        </label>
      )}
      <label>
        <input
          type="checkbox"
          data-nav
          data-testid="mark-all"
          checked={settings.enabled}
          onChange={(e) => void setMarkingEverywhere((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('markAll')}
      </label>
      <label>
        {t('hoverDelay')}{' '}
        <select
          data-nav
          data-testid="hover-delay"
          value={String(settings.hoverDelayMs)}
          onChange={(e) => void setHoverDelay(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {[...new Set([...DELAYS, settings.hoverDelayMs])]
            .sort((a, b) => a - b)
            .map((ms) => (
              <option key={ms} value={String(ms)}>
                {t('popup_delayMs', ms)}
              </option>
            ))}
        </select>
      </label>
    </section>
  );
}
