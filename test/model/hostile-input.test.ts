import { describe, it, expect } from 'vitest';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopologyFile } from '../../src/model/load.js';
import { validateTopology } from '../../src/model/validate.js';
import type { Issue } from '../../src/model/issue.js';

/** Files and values built to break a loader: far too deep, too large, or with values too long to print. */

const dir = mkdtempSync(join(tmpdir(), 'whatif-hostile-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function loadIssues(path: string): Issue[] {
  const r = loadTopologyFile(path);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

function issuesOf(value: unknown): Pick<Issue, 'path' | 'message'>[] {
  const r = validateTopology(value);
  return (r.ok ? r.warnings : r.issues).map(({ path, message }) => ({ path, message }));
}

/** An array nested `depth` levels, built without recursion. */
function nested(depth: number): unknown {
  let v: unknown = [];
  for (let i = 1; i < depth; i++) v = [v];
  return v;
}

const NESTING_HINT = 'a topology nests about 8 levels of arrays and objects: remove the extra nesting, or close what was left open';

describe('loadTopologyFile() nesting limit', () => {
  // `{"name":"x","sites":[` opens level 1 at column 1 and level 2 at column 21; each further "[" is one column and
  // one level on, so level 65, the first past the limit of 64, opens at column 21 + 63 = 84.
  const head = '{"name":"x","sites":[';

  it.each([
    ['closed arrays', `${head}${'['.repeat(5000)}${']'.repeat(5000)}]}`],
    ['arrays never closed (not valid JSON)', `${head}${'['.repeat(5000)}`],
    ['100,000 levels', `${head}${'['.repeat(100_000)}${']'.repeat(100_000)}]}`],
  ])('refuses %s with one issue at the first bracket past 64 levels', (_name, text) => {
    const issues = loadIssues(file('deep.json', text));
    expect(issues).toEqual([
      { path: '$', message: 'nested more than 64 levels deep at line 1, column 84', hint: NESTING_HINT, severity: 'error' },
    ]);
  });

  it('counts objects too: each `{"a":` is five columns, so level 65 opens at column 22 + 62 * 5 = 332', () => {
    const issues = loadIssues(file('deep-objects.json', `${head}${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}]}`));
    expect(issues.map((i) => i.message)).toEqual(['nested more than 64 levels deep at line 1, column 332']);
  });

  it('does not let stray closing brackets hide the depth from the syntax error finder', () => {
    // `"k":]` is skipped by a JSON parser looking for a value, so each `{"k":],"k":` opens a level and closes none.
    const text = `${'{"k":],"k":'.repeat(5000)}1`;
    const issues = loadIssues(file('stray.json', text));
    expect(issues.map((i) => i.message)).toEqual(['nested more than 64 levels deep at line 1, column 705']);
  });

  it('parses a file of exactly 64 levels and validates it as usual', () => {
    const issues = loadIssues(file('64.json', `${head}${'['.repeat(62)}${']'.repeat(62)}]}`));
    expect(issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: '$.sites[0]', message: 'must be an object, not an array' },
    ]);
  });
});

describe('loadTopologyFile() size limit', () => {
  it('refuses a file over 64 MiB without reading it', () => {
    const path = file('huge.json', '');
    truncateSync(path, 200 * 2 ** 20); // sparse: nothing is written
    expect(loadIssues(path)).toEqual([
      {
        path: '$',
        message: `cannot read "${path}": it is 200 MiB, above the limit of 64 MiB`,
        hint: 'a topology of 200,000 VNets and as many peerings takes about 35 MB: check that this is the topology file you meant',
        severity: 'error',
      },
    ]);
  });
});

describe('validateTopology() on values nested 100,000 levels deep', () => {
  // A caller may hand over a value that no file limit has checked: nothing may walk it recursively.
  const deep = nested(100_000);
  const site = { kind: 'vnet', id: 'a', addressSpace: ['10.0.0.0/24'], testAddresses: ['10.0.0.4'] };

  it('as the whole topology', () => {
    expect(issuesOf(deep)).toEqual([{ path: '$', message: 'must be an object, not an array' }]);
  });

  it('as a site', () => {
    expect(issuesOf({ name: 'x', sites: [deep] })).toEqual([{ path: '$.sites[0]', message: 'must be an object, not an array' }]);
  });

  it('as a value that must be one of a list', () => {
    expect(issuesOf({ name: 'x', sites: [{ ...site, kind: deep }] })).toEqual([
      { path: '$.sites[0].kind', message: 'an array is not allowed' },
    ]);
  });

  it('as an unknown field, and inside a list of strings, reported in document order', () => {
    expect(issuesOf({ name: 'x', assumptions: [deep], sites: [{ ...site, extra: deep }] })).toEqual([
      { path: '$.assumptions[0]', message: 'must be a string, not an array' },
      { path: '$.sites[0].extra', message: 'unknown field "extra"' },
    ]);
  });
});

describe('validateTopology() on files broken everywhere', () => {
  // An empty site lacks its kind: one problem each.
  const empty = (n: number) => ({ name: 'x', sites: Array.from({ length: n }, () => ({})) });

  it('lists 100,000 problems of shape', () => {
    const issues = issuesOf(empty(100_000));
    expect(issues).toHaveLength(100_000);
    expect(issues.at(-1)).toEqual({ path: '$.sites[99999].kind', message: 'required field "kind" is missing' });
  });

  it('past 100,000, stops and gives the first problem and a count', () => {
    expect(issuesOf(empty(100_001))).toEqual([
      { path: '$', message: 'the file has more than 100,000 problems with its shape: only the first is listed' },
      { path: '$.sites[0].kind', message: 'required field "kind" is missing' },
    ]);
  });
});

describe('validateTopology() on long and odd values', () => {
  it('cuts a long value in a message to 60 characters and says how much is left out', () => {
    const kind = 'x'.repeat(5000);
    expect(issuesOf({ name: 'x', sites: [{ kind, id: 'a' }] })).toEqual([
      { path: '$.sites[0].kind', message: `"${'x'.repeat(60)}"... (4,940 more characters) is not allowed` },
    ]);
  });

  it('orders issues under quoted keys and "__proto__" by their place in the file, and pollutes no prototype', () => {
    const t = JSON.parse('{"b x": 1, "name": "n", "__proto__": {"polluted": true}, "sites": [], "a y": 2}');
    expect(issuesOf(t).map((i) => i.path)).toEqual(['$["b x"]', '$.__proto__', '$.sites', '$["a y"]']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
