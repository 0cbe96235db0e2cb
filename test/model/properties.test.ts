import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { compileTopology } from '../../src/model/compile.js';
import { generateTopology } from '../../src/sources/generate/generate.js';
import { hasErrors } from '../../src/model/issue.js';
import { loadTopologyFile } from '../../src/model/load.js';
import { validateTopology, type ValidationResult } from '../../src/model/validate.js';
import { expectWellFormed } from './well-formed.js';

/**
 * Properties of loading and validation on any input: they never throw, every issue is well-formed, a rejected
 * file has at least one error and an accepted one compiles. Runs are bounded and seeded, so the suite stays
 * fast and a failure is reproducible (fast-check prints the counterexample).
 */

const RUNS = { seed: 17, numRuns: 200 };

function expectSound(r: ValidationResult): void {
  if (r.ok) {
    r.warnings.forEach(expectWellFormed);
    expect(hasErrors(r.warnings)).toBe(false);
    compileTopology(r.topology);
  } else {
    r.issues.forEach(expectWellFormed);
    expect(hasErrors(r.issues)).toBe(true);
  }
}

// Files to mutate: the seed, the rule cases and a small generated estate.
const CASES = new URL('../cases/', import.meta.url);
const bases: string[] = [
  readFileSync(new URL('../../scenarios/azure-interop.json', import.meta.url), 'utf8'),
  ...readdirSync(CASES).filter((f) => f.endsWith('.json')).map((f) => readFileSync(new URL(f, CASES), 'utf8')),
  JSON.stringify(generateTopology({ preset: 'S' })),
];

type Json = unknown;
type Segment = string | number;

/** Every path in a value, and every string in it: where to mutate, and values that make references plausible. */
function inventory(root: Json): { paths: Segment[][]; strings: string[] } {
  const paths: Segment[][] = [];
  const strings: string[] = [];
  const stack: [Json, Segment[]][] = [[root, []]];
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [Json, Segment[]];
    if (path.length > 0) paths.push(path);
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach((item, i) => stack.push([item, [...path, i]]));
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) stack.push([item, [...path, k]]);
  }
  return { paths, strings };
}

/** A change at one place of a file: new value, removal, a copied list item, or another string of the file. */
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'remove', 'copy', 'swap', 'number'),
  value: fc.jsonValue({ maxDepth: 3 }),
  pick: fc.nat(),
  number: fc.constantFrom(0, -1, 1.5, 65515, 65516, 12076, 4294967295, 4294967296, 32001),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(root: Json, changes: readonly Mutation[]): Json {
  for (const change of changes) {
    const { paths, strings } = inventory(root);
    const path = paths[change.at % Math.max(1, paths.length)];
    if (!path) continue;
    const key = path.at(-1) as Segment;
    let parent = root as Record<Segment, Json>;
    for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<Segment, Json>;
    if (change.kind === 'remove') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (change.kind === 'copy' && Array.isArray(parent)) {
      parent.push(structuredClone(parent[key as number]));
    } else if (change.kind === 'swap') {
      parent[key] = strings[change.pick % Math.max(1, strings.length)] ?? '';
    } else if (change.kind === 'number') {
      parent[key] = change.number;
    } else {
      parent[key] = change.value;
    }
  }
  return root;
}

describe('validateTopology() properties', () => {
  it('any JSON value: never throws, every issue well-formed', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => expectSound(validateTopology(value))),
      RUNS,
    );
  });

  it('a topology with arbitrary values at its top level and in a site', () => {
    const field = fc.constantFrom('kind', 'id', 'addressSpace', 'testAddresses', 'prefixes', 'routers', 'vpnGateway');
    const topology = fc.record({ name: fc.jsonValue(), sites: fc.array(fc.dictionary(field, fc.jsonValue({ maxDepth: 3 }))) });
    fc.assert(fc.property(topology, (value) => expectSound(validateTopology(value))), RUNS);
  });

  it('the seed, the rule cases and a generated estate, mutated at one to four places', () => {
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, changes) => {
        const value = mutate(JSON.parse(bases[base] as string), changes);
        expectSound(validateTopology(value));
      }),
      RUNS,
    );
  });
});

describe('loadTopologyFile() properties', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whatif-props-'));
  const path = join(dir, 'topology.json');

  it('the seed with bytes inserted, removed or replaced: never throws, every issue well-formed', () => {
    const text = bases[0] as string;
    const edit = fc.record({ at: fc.nat(text.length), remove: fc.nat(3), insert: fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', ' ', 'a', '1', '\n', '\u00e9'), maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let mutated = text;
        for (const e of edits) mutated = mutated.slice(0, e.at) + e.insert + mutated.slice(e.at + e.remove);
        writeFileSync(path, mutated);
        expectSound(loadTopologyFile(path));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});
