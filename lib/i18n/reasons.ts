/** The explanations of the scoring rules (`reason.<id>`), added to the catalogues on import. */
import viReasons from '../../locales/vi/reasons.json';
import enReasons from '../../locales/en/reasons.json';
import { addMessages } from '.';

addMessages({ vi: viReasons, en: enReasons });
