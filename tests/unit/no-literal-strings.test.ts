/**
 * Every word a user reads comes from `locales/` through `t(...)`. This walks the syntax tree of each
 * component and entrypoint (the TypeScript compiler's, not a regular expression) and lists the
 * literal text it would render: JSX text, string literals placed as JSX children, and string
 * literals given to attributes a person reads or hears (aria-label, title, placeholder, alt…).
 * Punctuation, numbers and symbols (' · ', ', ', '—') are allowed: they are not words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** Attributes of HTML elements whose value is shown or spoken. */
const visibleAttributes = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'value',
  'content',
]);

/** Props of our own components that are plumbing, never text. */
const technicalProps = new Set(['className', 'id', 'key', 'level', 'locale', 'role', 'type', 'name', 'htmlFor']);

/** A word is any letter; what has none (punctuation, digits, symbols, spaces) is not a word. */
const hasWord = (text: string) => /\p{L}/u.test(text);

export interface LiteralString {
  file: string;
  line: number;
  text: string;
  where: string;
}

/**
 * The string literals an expression can evaluate to and hand to the renderer as they are: itself,
 * both branches of `?:`, the right side of `&&`, `||`, `??`, the text of a template. Not what goes
 * into a call (`t(locale, 'key')`: keys are not shown), a comparison or an index.
 */
function renderedLiterals(expression: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression];
  if (ts.isTemplateExpression(expression)) {
    return [expression.head, ...expression.templateSpans.flatMap((span) => [...renderedLiterals(span.expression), span.literal])];
  }
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression)) {
    return renderedLiterals(expression.expression);
  }
  if (ts.isConditionalExpression(expression)) return [...renderedLiterals(expression.whenTrue), ...renderedLiterals(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(expression.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
      return [...renderedLiterals(expression.left), ...renderedLiterals(expression.right)];
    }
  }
  if (ts.isArrayLiteralExpression(expression)) return expression.elements.flatMap((element) => renderedLiterals(element));
  return [];
}

function literalText(node: ts.Node): string {
  if (ts.isJsxText(node)) return node.text;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) return node.text;
  return node.getText();
}

function tagNameOf(attribute: ts.JsxAttribute): string {
  const element = attribute.parent.parent;
  return element.tagName.getText();
}

/** The literal user-visible strings of one TSX source. */
export function findLiteralStrings(file: string, source: string): LiteralString[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralString[] = [];
  const add = (node: ts.Node, where: string) => {
    const text = literalText(node).replace(/\s+/g, ' ').trim();
    if (!hasWord(text)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push({ file, line: line + 1, text, where });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, 'JSX text');
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of renderedLiterals(node.expression)) add(literal, 'JSX child');
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText();
      const tag = tagNameOf(node);
      const isComponent = /^[A-Z]/.test(tag) || tag.includes('.');
      const visible = isComponent ? !technicalProps.has(name) && !name.startsWith('data-') && !/^on[A-Z]/.test(name) : visibleAttributes.has(name);
      if (visible) {
        const literals = ts.isStringLiteral(node.initializer)
          ? [node.initializer]
          : ts.isJsxExpression(node.initializer) && node.initializer.expression
            ? renderedLiterals(node.initializer.expression)
            : [];
        for (const literal of literals) add(literal, `${tag} ${name}=`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.tsx') && !path.endsWith('.test.tsx'))
    .map((path) => join(root, dir, path));
}

describe('no literal user-visible string in components', () => {
  it('finds what it must find (the scanner itself)', () => {
    const sample = `
      export function Sample({ locale, ok }: { locale: Locale; ok: boolean }) {
        return (
          <div title="Cảnh báo" className="banner banner--danger" data-x="free text" aria-label={ok ? 'Đã gửi' : t(locale, 'k')}>
            Xin chào
            {' · '}
            {ok && 'Hidden sender'}
            {\`Score: \${score}\`}
            {t(locale, 'banner.brand')} · 92/100 — {locale === 'vi' ? '…' : '!'}
            <input placeholder="Tìm kiếm" value="" />
            <img alt="logo" src="x.png" />
            <Child label="Open" level="danger" onClose={() => undefined} />
          </div>
        );
      }`;
    expect(findLiteralStrings('sample.tsx', sample).map(({ text, where }) => `${where} ${text}`)).toEqual([
      'div title= Cảnh báo',
      'div aria-label= Đã gửi',
      'JSX text Xin chào',
      'JSX child Hidden sender',
      'JSX child Score:',
      'input placeholder= Tìm kiếm',
      'img alt= logo',
      'Child label= Open',
    ]);
  });

  it('finds none in components/ and entrypoints/', () => {
    const files = [...tsxFiles('components'), ...tsxFiles('entrypoints')];
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((file) =>
      findLiteralStrings(relative(root, file), readFileSync(file, 'utf8')).map(
        ({ file: name, line, where, text }) => `${name}:${line} ${where} "${text}"`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
