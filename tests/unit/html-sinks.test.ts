/**
 * No message content is ever inserted as HTML — checked at the source. The only places a string
 * can become markup in a page (React's `dangerouslySetInnerHTML`, `innerHTML =`, `outerHTML =`,
 * `insertAdjacentHTML`, `document.write`, `createContextualFragment`, `srcdoc`, `setHTML`) are
 * listed here; each must take its HTML straight from a sanitiser on the same line (policy text
 * through `sanitizeWarningText`, DESIGN.md), and the views that show message content (the banner,
 * the link guard, the popup) have none at all. `web-ext lint` flags two `innerHTML` writes in the
 * Firefox build: both are React DOM's own implementation of `dangerouslySetInnerHTML`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const sink = /dangerouslySetInnerHTML|\.innerHTML\s*[+]?=(?!=)|\.outerHTML\s*[+]?=(?!=)|insertAdjacentHTML|document\.write(?:ln)?\(|createContextualFragment|\bsrcdoc\b|\.setHTML(?:Unsafe)?\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const sinks = ['entrypoints', 'components', 'lib'].flatMap((dir) =>
  sources(join(root, dir)).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, index) => ({ file: relative(root, file), line: index + 1, text: line.trim() }))
      .filter(({ text }) => sink.test(text) && !text.startsWith('//') && !text.startsWith('*')),
  ),
);

describe('HTML sinks in the extension\'s code', () => {
  it('take their HTML from a sanitiser, never from a message', () => {
    const unsanitised = sinks.filter(({ text }) => !/sanitize\w*\(/i.test(text)).map(({ file, line, text }) => `${file}:${line}: ${text}`);
    expect(unsanitised).toEqual([]);
  });

  it('are absent from every view that shows message content', () => {
    const inMessageViews = sinks
      .filter(({ file }) => /^(components\/(Banner|LinkGuard)|entrypoints\/(webmail\.content|popup)|lib\/webmail\/)/.test(file))
      .map(({ file, line, text }) => `${file}:${line}: ${text}`);
    expect(inMessageViews).toEqual([]);
  });
});
