import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { defaultTopologyPath } from '../default-topology.js';
import { error, type Issue } from '../issue.js';
import { ajvIssue } from './ajv-issue.js';
import type { Speller } from './spelling.js';

/**
 * The structural pass: the file against scenarios/topology.schema.json, with every problem reported (ajv's
 * allErrors, fine for a local CLI reading the user's own file) and turned into issues by ajv-issue.ts. It also
 * says which values the semantic checks must not see (sanitize.ts) and which objects they must not judge.
 *
 * allErrors has no upper bound of its own (ajv's security notes warn of it): a 9 MB file of three million empty
 * sites made as many errors, 4 GB of them. So the pass stops after MOST_ERRORS, and a file broken that widely is
 * reported by its first problem and a count, with no semantic checks.
 */

const MOST_ERRORS = 100_000;

interface StructuralResult {
  issues: Issue[];
  /** Paths whose value is wrong: removed before the semantic checks. */
  tainted: Set<string>;
  /** Paths of every problem except unknown fields: objects under them are not judged by reference checks. */
  touched: string[];
  /** Whether the file had too many problems to list: then nothing else is checked. */
  overflow: boolean;
}

export function structuralCheck(value: unknown, speller: Speller): StructuralResult {
  const result: StructuralResult = { issues: [], tainted: new Set(), touched: [], overflow: false };
  const validate = schemaValidator();
  const budget = new ErrorBudget();
  try {
    if (validate.call(budget, value)) return result;
  } catch (e) {
    if (e !== ErrorBudget.SPENT) throw e;
    return overflowResult(value, speller);
  }
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

/** The first problem (found by a validator that stops there) and how many there are at least. */
function overflowResult(value: unknown, speller: Speller): StructuralResult {
  const validate = firstErrorValidator();
  validate(value);
  const first = (validate.errors ?? []).map((e) => ajvIssue(e, value, speller)).find((i) => i !== undefined);
  const many = error(
    '$',
    `the file has more than ${MOST_ERRORS.toLocaleString('en-US')} problems with its shape${first ? ': only the first is listed' : ''}`,
    'check that this is a topology file; fix the first problems and validate again',
  );
  return { issues: first ? [first, many] : [many], tainted: new Set(), touched: [], overflow: true };
}

/**
 * Stops ajv once it holds more than MOST_ERRORS errors. The generated code calls check() with its count of
 * errors each time it adds some (see countErrors), on the context each validation is called with.
 */
class ErrorBudget {
  static readonly SPENT = new Error('too many structural errors');

  check(errors: number): void {
    if (errors > MOST_ERRORS) throw ErrorBudget.SPENT;
  }
}

let compiled: ValidateFunction | undefined;
let firstError: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  // verbose: errors carry the failing schema and data, which the hints are built from. passContext: each
  // referenced schema's validator runs with `this` bound to the ErrorBudget.
  compiled ??= new Ajv({
    allErrors: true,
    verbose: true,
    passContext: true,
    code: { process: (code) => countErrors(appendInPlace(code)) },
  }).compile(readSchema());
  return compiled;
}

function firstErrorValidator(): ValidateFunction {
  firstError ??= new Ajv({ verbose: true }).compile(readSchema());
  return firstError;
}

/**
 * ajv gathers the errors of each referenced schema (a site, a route, a router) with `vErrors.concat(...)`,
 * which copies every error found so far, each time: quadratic in the number of errors. 50,000 broken routes of
 * one VNet took 20 s. The generated code (ajv's documented code.process hook) appends in place instead.
 */
function appendInPlace(code: string): string {
  const append = '(function (all, more) { for (var i = 0; i < more.length; i++) all.push(more[i]); return all; })';
  return code.replace(/vErrors\.concat\(([\w.]+)\)/g, `${append}(vErrors, $1)`);
}

/**
 * ajv keeps the count of errors it holds in `errors`: `errors++` when it makes one, `errors = vErrors.length`
 * when it takes those of a referenced schema (and it drops those of an `if` that fails by cutting the list
 * back). Both places check the count against the budget. The same Ajv checks the schema itself against the
 * JSON Schema meta-schema, without a budget: hence the guard.
 */
function countErrors(code: string): string {
  const check = 'if (this !== undefined) this.check(errors);';
  return code.replace(/\berrors\+\+;/g, `errors++;${check}`).replace(/\berrors = vErrors\.length;/g, `errors = vErrors.length;${check}`);
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
