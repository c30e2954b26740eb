/**
 * The strings of the settings (titles, descriptions, problems), the options page and the popup.
 * They join the catalogue only where those run: the content script, loaded into every webmail
 * frame, does not carry them (tests/e2e/size-budget.test.ts).
 */
import viSettings from '../../locales/vi/settings.json';
import enSettings from '../../locales/en/settings.json';
import { addMessages } from '../i18n';

addMessages({ vi: viSettings, en: enSettings });
