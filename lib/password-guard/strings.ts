/**
 * The password guard's strings (its warnings, its part of the options page). They join the
 * catalogue only where the guard's views run: the webmail content script does not carry them.
 */
import viStrings from '../../locales/vi/password-guard.json';
import enStrings from '../../locales/en/password-guard.json';
import { addMessages } from '../i18n';

addMessages({ vi: viStrings, en: enStrings });
