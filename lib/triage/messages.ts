/** The strings of the triage report and command, added to the catalogues only where triage runs. */
import viTriage from '../../locales/vi/triage.json';
import enTriage from '../../locales/en/triage.json';
import { addMessages } from '../i18n';

addMessages({ vi: viTriage, en: enTriage });
