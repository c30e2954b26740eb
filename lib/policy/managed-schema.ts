/**
 * `managed_schema.json`, derived from the settings table. Chrome accepts a subset of JSON Schema
 * draft 03: a top-level object with `properties`, each with a `type` (string, integer, number,
 * boolean, array, object), `items` for arrays, and a `title` and `description` that admin tools show.
 *
 * Only types go in, no `minimum`, `pattern` or `enum`: Chromium silently drops a value that fails
 * the schema, while a value the extension refuses itself is named on the options page with the
 * reason. So the schema catches only what Chromium would have to drop anyway (a wrong type).
 */
import { t } from '../i18n';
import './messages';
import { allowedValuesOf, jsonTypeOf, settingKeys } from './settings';

export interface ManagedSchemaProperty {
  title: string;
  description: string;
  type: 'string' | 'integer' | 'boolean' | 'array';
  items?: { type: 'string' };
}

export interface ManagedSchema {
  type: 'object';
  properties: Record<string, ManagedSchemaProperty>;
}

export function managedSchema(): ManagedSchema {
  const properties: Record<string, ManagedSchemaProperty> = {};
  for (const key of settingKeys) {
    const type = jsonTypeOf(key);
    const allowed = allowedValuesOf(key);
    // English for the admin tools, the Vietnamese after it for the province's own admins.
    const description = [
      t('en', `policy.${key}.description`),
      allowed ? `Allowed values: ${allowed.join(', ')}.` : '',
      `— ${t('vi', `policy.${key}.title`)}: ${t('vi', `policy.${key}.description`)}`,
    ].filter(Boolean).join(' ');
    properties[key] = {
      title: t('en', `policy.${key}.title`),
      description,
      type,
      ...(type === 'array' && { items: { type: 'string' as const } }),
    };
  }
  return { type: 'object', properties };
}

/** The file as committed: stable key order, two-space indent, final newline. */
export function managedSchemaText(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}
