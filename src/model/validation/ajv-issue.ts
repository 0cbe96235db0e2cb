import type { ErrorObject } from 'ajv';
import { childPath, error, type Issue } from '../issue.js';
import { isObject } from './loose.js';
import { Vocabulary, type Speller } from './spelling.js';

/**
 * One ajv error as an issue a person can act on: ajv's JSON Pointer (`/sites/2/addressSpace/0`) becomes a JSON
 * path (`$.sites[2].addressSpace[0]`), its terse message a sentence about the value, and the schema's own
 * description of the field the hint (or, where the schema has none, what the keyword asks for). The schema is
 * data; this file is the only place that words it. A value is named by its type, or quoted when it is a short
 * scalar, never written out whole: it may be megabytes long or nested thousands of levels deep.
 */

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  type?: string;
}

/** Undefined for errors that only echo others. */
export function ajvIssue(e: ErrorObject, root: unknown, speller: Speller): Issue | undefined {
  const path = pointerToPath(e.instancePath, root);
  const parent = (e.parentSchema ?? {}) as SchemaNode;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if':
      // "must match then schema": the branch's own errors say what is wrong.
      return undefined;
    case 'required': {
      const field = String(params.missingProperty);
      return error(
        childPath(path, field),
        `required field "${field}" is missing`,
        withReason('add it', parent.properties?.[field]?.description),
      );
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const allowed = fieldNames(parent);
      const guess = speller.didYouMean(field, allowed);
      return error(
        childPath(path, field),
        `unknown field ${valueText(field)}`,
        `remove it, or check the spelling${guess ? ` (${guess})` : ''}; allowed: ${allowed.words.join(', ')}`,
      );
    }
    case 'type':
      return error(
        path,
        `must be ${withArticle(String(params.type))}, not ${describeValue(e.data)}`,
        sentence(parent.description) ?? `write ${withArticle(String(params.type))} here`,
      );
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return error(path, `${valueText(e.data)} is not allowed`, `use one of ${allowed.join(', ')}`);
    }
    case 'const':
      return error(path, `${valueText(e.data)} is not allowed`, `use ${JSON.stringify(params.allowedValue)}`);
    case 'minimum':
    case 'maximum':
      return error(
        path,
        `${String(e.data)} is too ${e.keyword === 'minimum' ? 'small' : 'large'}`,
        `use ${rangeText(parent)}`,
      );
    case 'minLength':
      return error(path, 'must not be empty', sentence(parent.description) ?? 'write at least one character');
    case 'pattern':
      return idPatternIssue(path, e.data);
    case 'minItems':
    case 'maxItems':
      return error(path, itemCountText(parent, e.data), sentence(parent.description) ?? 'add or remove items');
    default:
      return error(path, e.message ?? 'is not valid', sentence(parent.description) ?? 'see scenarios/topology.schema.json');
  }
}

const fieldVocabularies = new WeakMap<SchemaNode, Vocabulary>();

/** The fields an object schema allows, built once per schema node (a file may have many unknown fields). */
function fieldNames(node: SchemaNode): Vocabulary {
  let names = fieldVocabularies.get(node);
  if (!names) {
    names = new Vocabulary(Object.keys(node.properties ?? {}));
    fieldVocabularies.set(node, names);
  }
  return names;
}

function idPatternIssue(path: string, id: unknown): Issue {
  const bad = String(id).includes(',') ? ',' : '/';
  return error(
    path,
    `id ${valueText(id)} contains "${bad}"`,
    'ids appear in comma-separated --fail lists and in node names such as hub/ergw: use neither "," nor "/"',
  );
}

function rangeText(s: SchemaNode): string {
  const what = s.type === 'integer' ? 'an integer' : 'a number';
  if (s.minimum !== undefined && s.maximum !== undefined) return `${what} from ${s.minimum} to ${s.maximum}`;
  if (s.minimum !== undefined) return `${what} of at least ${s.minimum}`;
  return `${what} of at most ${s.maximum}`;
}

function itemCountText(s: SchemaNode, data: unknown): string {
  const count = Array.isArray(data) ? data.length : 0;
  if (s.minItems !== undefined && s.minItems === s.maxItems) {
    return `must have exactly ${s.minItems} items, not ${count}`;
  }
  if (s.minItems !== undefined && count < s.minItems) {
    return `must have at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`;
  }
  return `must have at most ${s.maxItems} items, not ${count}`;
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (Number.isInteger(v)) return `the integer ${String(v)}`;
  return withArticle(typeof v);
}

/** Longer strings are cut: the message must stay one readable line. */
const SHOWN_CHARACTERS = 60;

/** A value as a message shows it: a string in quotes (cut if long), another scalar as written, else its type. */
function valueText(v: unknown): string {
  if (typeof v === 'string') {
    if (v.length <= SHOWN_CHARACTERS) return JSON.stringify(v);
    const more = (v.length - SHOWN_CHARACTERS).toLocaleString('en-US');
    return `${JSON.stringify(v.slice(0, SHOWN_CHARACTERS))}... (${more} more characters)`;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return describeValue(v);
}

/** "add it: <the field's description>", or the action alone when the schema does not describe the field. */
function withReason(action: string, description: string | undefined): string {
  const reason = sentence(description);
  return reason ? `${action}: ${reason}` : action;
}

/** A schema description as a hint: lower-case start and no final period; undefined when there is none. */
function sentence(description: string | undefined): string | undefined {
  const text = description?.trim().replace(/\.+$/, ''); // a final period, or an ellipsis
  if (!text) return undefined;
  // "The two VNets..." -> "the two VNets...", but "VNet", "BGP" or "IPv4" keep their capitals.
  return /^[A-Z][a-z]*\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** JSON Pointer (ajv's instancePath) to a JSON path; the data tells array indexes from object keys. */
function pointerToPath(pointer: string, root: unknown): string {
  if (pointer === '') return '$';
  let path = '$';
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path = childPath(path, Number(segment));
      node = node[Number(segment)];
    } else {
      path = childPath(path, segment);
      node = isObject(node) ? node[segment] : undefined;
    }
  }
  return path;
}
