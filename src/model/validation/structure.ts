import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { defaultTopologyPath } from '../default-topology.js';
import type { Issue } from '../issue.js';
import { ajvIssue } from './ajv-issue.js';
import type { Speller } from './spelling.js';

/**
 * The structural pass: the file against scenarios/topology.schema.json, with every problem reported (ajv's
 * allErrors, fine for a local CLI reading the user's own file) and turned into issues by ajv-issue.ts. It also
 * says which values the semantic checks must not see (sanitize.ts) and which objects they must not judge.
 */

interface StructuralResult {
  issues: Issue[];
  /** Paths whose value is wrong: removed before the semantic checks. */
  tainted: Set<string>;
  /** Paths of every problem except unknown fields: objects under them are not judged by reference checks. */
  touched: string[];
}

export function structuralCheck(value: unknown, speller: Speller): StructuralResult {
  const validate = schemaValidator();
  const result: StructuralResult = { issues: [], tainted: new Set(), touched: [] };
  if (validate(value)) return result;
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const issue = ajvIssue(e, value, speller);
    if (!issue) continue;
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.issues.push(issue);
    if (e.keyword !== 'additionalProperties') result.touched.push(issue.path);
    // A missing field or an unknown one leaves the values that are there intact.
    if (e.keyword !== 'additionalProperties' && e.keyword !== 'required') result.tainted.add(issue.path);
  }
  return result;
}

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  // verbose: errors carry the failing schema and data, which the hints are built from.
  compiled ??= new Ajv({ allErrors: true, verbose: true }).compile(readSchema());
  return compiled;
}

/**
 * The schema sits next to the default topology in the package's scenarios/ folder, found from src/ (tests) and
 * dist/src/ (built) alike. It is read, not imported: `import ... with { type: 'json' }` prints an
 * ExperimentalWarning on Node 20 before 20.18.3.
 */
function readSchema(): object {
  const path = join(dirname(defaultTopologyPath()), 'topology.schema.json');
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}
