// Makes t() answer in English in a unit test, as the browser would with an English UI.
import { fakeBrowser } from 'wxt/testing';
import en from '../../public/_locales/en/messages.json';

export function useEnglish(): () => void {
  const i18n = fakeBrowser.i18n as { getMessage: (key: string, subs?: string | string[]) => string };
  const original = i18n.getMessage;
  i18n.getMessage = (key: string, subs?: string | string[]) => {
    const entry = (en as Record<string, { message: string }>)[key];
    const first = Array.isArray(subs) ? subs[0] : subs;
    return entry ? entry.message.replace('$COUNT$', first ?? '') : '';
  };
  return () => {
    i18n.getMessage = original;
  };
}
