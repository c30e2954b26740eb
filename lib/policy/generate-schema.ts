/**
 * Writes public/managed_schema.json from the settings table (`npm run generate`). WXT copies
 * public/ into every build; tests/unit/policy-schema.test.ts fails when the committed file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { managedSchemaText } from './managed-schema';

const managedSchemaPath = join(import.meta.dirname, '../../public/managed_schema.json');

mkdirSync(dirname(managedSchemaPath), { recursive: true });
writeFileSync(managedSchemaPath, managedSchemaText());
console.log(`wrote ${managedSchemaPath}`);
