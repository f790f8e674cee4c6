import polyglotI18nProvider from 'ra-i18n-polyglot';
import { ru } from './ru';

/** Russian only: the shop's people read Russian. */
export const i18nProvider = polyglotI18nProvider(() => ru, 'ru', [{ locale: 'ru', name: 'Русский' }], {
  allowMissing: true,
});
