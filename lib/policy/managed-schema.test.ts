import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { managedSchema, managedSchemaText } from './managed-schema';
import { settingKeys } from './settings';

const committed = join(import.meta.dirname, '../../public/managed_schema.json');

/** What Chromium's policy schema parser accepts (components/policy/core/common/schema.cc): a draft-03 subset. */
const chromeAttributes = new Set([
  'type', 'title', 'description', 'properties', 'additionalProperties', 'patternProperties',
  'items', 'enum', 'minimum', 'maximum', 'pattern', 'required', 'id', '$ref',
]);
const chromeTypes = new Set(['boolean', 'integer', 'number', 'string', 'array', 'object']);

/** Every rule broken by `schema` at `path`; empty when Chromium would load it. */
function draft03Violations(schema: unknown, path: string, isProperty: boolean): string[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [`${path}: not an object`];
  const node = schema as Record<string, unknown>;
  const found: string[] = [];
  for (const key of Object.keys(node)) if (!chromeAttributes.has(key)) found.push(`${path}: attribute ${key} is not in Chrome's subset`);
  if ('$ref' in node || 'id' in node) found.push(`${path}: no references, so admins can read each property on its own`);
  if (typeof node.type !== 'string' || !chromeTypes.has(node.type)) found.push(`${path}: type ${String(node.type)}`);
  if (isProperty) {
    if (typeof node.title !== 'string' || !node.title) found.push(`${path}: no title`);
    if (typeof node.description !== 'string' || !node.description) found.push(`${path}: no description`);
  }
  if (node.type === 'array') {
    if (!('items' in node)) found.push(`${path}: array without items`);
    else found.push(...draft03Violations(node.items, `${path}.items`, false));
  }
  if (node.type === 'object' && node.properties !== undefined) {
    for (const [name, child] of Object.entries(node.properties as Record<string, unknown>)) {
      found.push(...draft03Violations(child, `${path}.${name}`, true));
    }
  }
  return found;
}

describe('managed_schema.json', () => {
  it('is committed exactly as generated (npm run generate)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(managedSchemaText());
  });

  it("follows Chrome's draft-03 rules: top-level object, every property titled and described, arrays with items", () => {
    const schema = JSON.parse(readFileSync(committed, 'utf8'));
    expect(schema.type).toBe('object');
    expect(draft03Violations(schema, 'schema', false)).toEqual([]);
  });

  it('the checker catches what Chrome refuses', () => {
    expect(draft03Violations({ type: 'object', properties: { a: { type: 'array', title: 't', description: 'd' } } }, 's', false)).toEqual([
      's.a: array without items',
    ]);
    expect(draft03Violations({ type: 'object', properties: { a: { type: 'string', format: 'email' } } }, 's', false)).toEqual([
      "s.a: attribute format is not in Chrome's subset",
      's.a: no title',
      's.a: no description',
    ]);
  });

  it('has one flat property per setting, typed as its values are', () => {
    const { properties } = managedSchema();
    expect(Object.keys(properties)).toEqual(settingKeys);
    expect(properties.reportAddresses).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(properties.cautionThreshold?.type).toBe('integer');
    expect(properties.allowDismiss?.type).toBe('boolean');
    expect(properties.reportMode?.type).toBe('string');
    expect(properties.reportMode?.description).toContain('Allowed values: compose, send-after-confirm.');
  });
});
