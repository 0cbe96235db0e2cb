import { readFileSync } from 'node:fs';
import { error, type Issue } from './issue.js';
import { validateTopology, type ValidationResult } from './validate.js';

/** Reads, parses and validates a topology file; every failure comes back as issues, never as an exception. */
export function loadTopologyFile(path: string): ValidationResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, issues: [readIssue(path, e)] };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  return validateTopology(parsed.value);
}

function readIssue(path: string, e: unknown): Issue {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return error(
      '$',
      `cannot read "${path}": no such file`,
      'check the path; the default topology is scenarios/azure-interop.json',
    );
  }
  if (code === 'EISDIR') return error('$', `cannot read "${path}": it is a directory`, 'name a topology JSON file');
  if (code === 'EACCES') return error('$', `cannot read "${path}": permission denied`, 'check the file permissions');
  return error('$', `cannot read "${path}": ${(e as Error).message}`, 'check the path and the file permissions');
}

type Parsed = { ok: true; value: unknown } | { ok: false; issue: Issue };

function parseJson(text: string): Parsed {
  // Editors on Windows may save a byte order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    // V8's message gives a position only for some errors: find the place with our own scan.
    const found = findSyntaxError(body);
    const where = found ? ` at ${lineColumn(body, found.offset)}` : '';
    const what = found ? found.reason : (e as Error).message;
    return {
      ok: false,
      issue: error('$', `not valid JSON: ${what}${where}`, found?.hint ?? 'fix the JSON syntax there'),
    };
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

interface SyntaxProblem {
  offset: number;
  reason: string;
  hint?: string;
}

/**
 * The first JSON syntax error in `text` (RFC 8259), or undefined if there is none. A small recursive descent
 * scanner: it only locates the error, JSON.parse does the parsing.
 */
function findSyntaxError(text: string): SyntaxProblem | undefined {
  let i = 0;
  const fail = (reason: string, hint?: string): never => {
    throw Object.assign(new Error(reason), { problem: { offset: i, reason, hint } });
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const unexpected = (expected: string): never => {
    if (i >= text.length) {
      return fail(`unexpected end of file, expected ${expected}`, 'the file looks cut short: close every { and [');
    }
    const ch = text[i] ?? '';
    const word = /^[A-Za-z_][\w-]*/.exec(text.slice(i, i + 100))?.[0];
    if (word !== undefined) {
      return fail(
        `unexpected ${JSON.stringify(word)}, expected ${expected}`,
        'put strings in double quotes; the only bare words are true, false and null',
      );
    }
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return fail('comments are not allowed', 'remove the comment: JSON has none');
    }
    if (ch === "'") return fail('single quotes are not allowed', 'use double quotes');
    return fail(`unexpected ${JSON.stringify(ch)}, expected ${expected}`);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else unexpected('a value');
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string', 'close the string with a double quote');
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i++;
        return;
      }
      if (ch < 0x20) {
        fail('line break or control character inside a string', 'close the string on the same line, or write \\n');
      }
      if (ch === 0x5c) {
        const next = text[i + 1] ?? '';
        if (next === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape', 'write \\u and four hex digits');
          i += 6;
          continue;
        }
        if (next === '' || !'"\\/bfnrt'.includes(next)) {
          fail(`bad escape "\\${next}"`, 'escape a backslash as \\\\');
        }
        i += 2;
        continue;
      }
      i++;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) unexpected('a value');
    i += m?.[0].length ?? 0;
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else unexpected('a value');
  };
  const object = (): void => {
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === '}') fail('trailing comma before "}"', 'remove the comma after the last property');
      if (text[i] !== '"') unexpected('a property name in double quotes');
      string();
      skipSpace();
      if (text[i] !== ':') unexpected('":"');
      i++;
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      unexpected('"," or "}" after a property value');
    }
  };
  const array = (): void => {
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail('trailing comma before "]"', 'remove the comma after the last element');
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      unexpected('"," or "]" after an array element');
    }
  };
  try {
    value();
    skipSpace();
    if (i < text.length) unexpected('the end of the file');
    return undefined;
  } catch (e) {
    // Anything else (a stack overflow on absurd nesting) leaves the error unlocated rather than crashing.
    return (e as { problem?: SyntaxProblem }).problem;
  }
}
