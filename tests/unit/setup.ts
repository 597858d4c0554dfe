import 'fake-indexeddb/auto';

// outside an extension there is no i18n.getMessage: the interface speaks the default locale
import { setFallbackMessages } from '../../lib/i18n';
import zhMessages from '../../public/_locales/zh_CN/messages.json';

setFallbackMessages(zhMessages);
