import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { ajvIssue } from '../../src/model/validation/ajv-issue.js';
import { Speller } from '../../src/model/validation/spelling.js';
import { expectWellFormed } from './well-formed.js';

/**
 * Every structural issue has a hint, whichever part of the schema it comes from: each schema node is checked
 * against values that break each of its keywords, so a field added to the schema without a description is
 * covered without touching this test. (Semantic issues are checked wherever validate.test.ts meets them, and
 * by the property tests on mutated topologies.)
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SchemaNode = Record<string, any>;

const schema = JSON.parse(readFileSync(new URL('../../scenarios/topology.schema.json', import.meta.url), 'utf8')) as SchemaNode;

/** Every subschema with its JSON Pointer from the root. */
function* nodes(node: SchemaNode, pointer: string): Generator<[string, SchemaNode]> {
  yield [pointer, node];
  for (const key of ['properties', 'definitions'] as const) {
    for (const [name, child] of Object.entries(node[key] ?? {})) yield* nodes(child as SchemaNode, `${pointer}/${key}/${name}`);
  }
  for (const key of ['items', 'if', 'then', 'else'] as const) if (node[key]) yield* nodes(node[key] as SchemaNode, `${pointer}/${key}`);
  for (const [i, child] of ((node.allOf ?? []) as SchemaNode[]).entries()) yield* nodes(child, `${pointer}/allOf/${i}`);
}

/** Values that each break one keyword of a node (a node using $ref is checked where it is defined). */
function breaking(node: SchemaNode): unknown[] {
  const values: unknown[] = [];
  if (node.type) values.push(node.type === 'string' ? 1 : 'x');
  if (node.enum || node.const !== undefined) values.push('not-one-of-them');
  if (node.minimum !== undefined) values.push(node.minimum - 1);
  if (node.maximum !== undefined) values.push(node.maximum + 1);
  if (node.minLength) values.push('');
  if (node.pattern) values.push('a,b');
  if (node.minItems) values.push([]);
  if (node.maxItems !== undefined) values.push(Array.from({ length: node.maxItems + 1 }, () => ({})));
  if (node.required) values.push({});
  if (node.additionalProperties === false) values.push({ notAField: 1 });
  return values;
}

describe('structural issues', () => {
  const ajv = new Ajv({ allErrors: true, verbose: true });
  ajv.addSchema(schema);

  it('carry a path, a message and a hint for every keyword of every schema node', () => {
    const keywords = new Set<string>();
    let checked = 0;
    for (const [pointer, node] of nodes(schema, '')) {
      const validate = ajv.getSchema(`${schema.$id as string}#${pointer}`);
      if (!validate) throw new Error(`no validator for ${pointer}`);
      for (const value of breaking(node)) {
        expect(validate(value), `${pointer} accepted ${JSON.stringify(value)}`).toBe(false);
        for (const e of validate.errors as ErrorObject[]) {
          const issue = ajvIssue(e, value, new Speller());
          if (!issue) continue;
          expectWellFormed(issue);
          // All of it is the schema's or ajv-issue.ts's wording here (elsewhere ids from the file may end a hint).
          expect(issue.hint, pointer).not.toMatch(/\.$/);
          keywords.add(e.keyword);
          checked++;
        }
      }
    }
    // Each keyword the schema uses to reject a value was met at least once.
    expect([...keywords].sort()).toEqual(
      ['additionalProperties', 'const', 'enum', 'maxItems', 'maximum', 'minItems', 'minLength', 'minimum', 'pattern', 'required', 'type'],
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('give a wrong type inside "assumptions", which the schema does not describe, a hint of its own', () => {
    const validate = ajv.getSchema(`${schema.$id as string}#/properties/assumptions/items`);
    expect(validate?.(1)).toBe(false);
    const issue = ajvIssue((validate?.errors as ErrorObject[])[0] as ErrorObject, 1, new Speller());
    expect(issue).toEqual({ path: '$', message: 'must be a string, not the integer 1', hint: 'write a string here', severity: 'error' });
  });
});
