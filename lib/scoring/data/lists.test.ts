import { describe, expect, it } from 'vitest';
import { listContent, listFiles } from './generate';
import * as lists from './lists';

describe('the generated lists module', () => {
  it.each(Object.entries(listFiles))('holds %s exactly as %s says (rerun generate.ts if not)', (name, file) => {
    expect((lists as Record<string, string>)[name]).toBe(listContent(file));
  });
});
