import { render } from 'preact';
import { ClippingsApp } from '../../components/clippings/ClippingsApp';
import { t, uiLanguage } from '../../lib/i18n';
import './style.css';

// the static title and language of index.html are the default locale's; say them in the user's
document.documentElement.lang = uiLanguage();
document.title = `${t('clippings_title')} · ${t('appTitle')}`;
const root = document.getElementById('app');
if (root) render(<ClippingsApp />, root);
