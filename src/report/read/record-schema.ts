import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { RecordIn } from './run-records.js';

/**
 * JSON Schemas of the records the report reads (run-records.ts gives their types): a line is checked against
 * the schema of its `type` before the report uses any of it. Extra fields pass (newer engines add some); a
 * record type the report does not know passes unchecked. What a schema cannot say (matrices as wide as the
 * run has sites, pairs naming the run's sites, the order of records, cut sets naming the run's units) is
 * checked by digest-builder.ts and resilience-fold.ts.
 */

const text = { type: 'string' };
const texts = { type: 'array', items: text };
const count = { type: 'integer', minimum: 0 };
const pair = {
  type: 'array', items: [text, text], minItems: 2, additionalItems: false,
  description: 'a pair is [source site, destination site]',
};
const pairs = { type: 'array', items: pair };
const sitePair = {
  type: 'array', items: [text, text], minItems: 2, additionalItems: false,
  description: 'a pair of sites is [site, site], in the order of the run record\'s sites',
};
const probability = { type: 'number', minimum: 0, maximum: 1 };
const percent = { type: 'number', minimum: 0, maximum: 100 };
const cut = { type: 'array', items: text, minItems: 1, description: 'a cut is the ids of failure units that fail together' };
const cuts = { type: 'array', items: cut };
const paths = { type: 'array', items: texts, description: 'paths are lists of failure unit ids' };
const asymmetryClass = { enum: ['link', 'circuit', 'transport'] };
const truncated = { const: true };

function matrix(characters: string, meaning: string): object {
  return { type: 'array', items: { type: 'string', pattern: `^[${characters}]*$` }, description: `one string per source site, one character per destination: ${meaning}` };
}

function record(type: string, required: string[], properties: Record<string, object>): object {
  return { type: 'object', required: ['type', ...required], properties: { type: { const: type }, ...properties } };
}

const sourcedFinding = {
  type: 'object',
  required: ['id', 'severity', 'message', 'objects', 'source'],
  properties: { id: text, severity: { enum: ['error', 'warning', 'info'] }, message: text, objects: texts, source: text },
};
const legacyFinding = {
  type: 'object', required: ['kind', 'subject', 'message'], properties: { kind: text, subject: text, units: texts, message: text },
};

const SCHEMAS: Record<RecordIn['type'], object> = {
  run: record('run', ['topology', 'sites', 'scenarios', 'maxFailures'], {
    topology: text,
    sites: { ...texts, uniqueItems: true, description: 'the run record lists each site once' },
    failureUnits: texts,
    disabledUnits: texts,
    scenarios: count,
    maxFailures: count,
    designFindings: { type: 'array', items: { anyOf: [sourcedFinding, legacyFinding] } },
    asymmetryThreshold: asymmetryClass,
    siteDetails: {
      type: 'array',
      items: {
        type: 'object', required: ['id', 'kind'],
        properties: { id: text, kind: { enum: ['vnet', 'onprem'] }, role: text, region: text, hub: text },
      },
    },
    scenarioRecords: { enum: ['all', 'irreducible'] },
    availability: {
      type: 'object', required: ['unavailability'],
      properties: {
        unavailability: {
          type: 'object', required: ['kinds', 'units'],
          properties: {
            kinds: { type: 'array', items: { type: 'object', required: ['kind', 'value', 'source'], properties: { kind: text, value: probability, source: text } } },
            units: { type: 'object', additionalProperties: probability, description: 'a unit\'s own figure is a probability' },
          },
        },
        target: percent,
      },
    },
  }),
  scenario: record('scenario', ['id', 'failed'], {
    id: text,
    failed: texts,
    reach: matrix('01', '1 reachable, 0 not'),
    sym: matrix('01-', '1 symmetric, 0 asymmetric, - not reachable both ways'),
    asymmetry: matrix('-slct', '- not delivered both ways, s symmetric, l link, c circuit, t transport'),
    lost: pairs, gained: pairs, rerouted: pairs, asymmetric: pairs, symmetricAgain: pairs,
    moves: {
      type: 'array',
      items: { type: 'object', required: ['src', 'dst', 'before', 'after'], properties: { src: text, dst: text, before: paths, after: paths, truncated } },
    },
    movesOmitted: count,
    asymmetricPaths: {
      type: 'array',
      items: {
        type: 'object', required: ['src', 'dst', 'forward', 'return'],
        properties: { src: text, dst: text, forward: paths, return: paths, class: asymmetryClass, truncated },
      },
    },
    asymmetricPathsOmitted: count,
    criticalNodes: {
      type: 'array',
      items: { type: 'object', required: ['node', 'kind', 'pairCount', 'pairs'], properties: { node: text, kind: text, pairCount: count, pairs } },
    },
    converged: { type: 'boolean' },
    notConverged: texts,
  }),
  pair: record('pair', [], {}),
  resilience: record('resilience', ['pair', 'smallestCut', 'cuts'], {
    pair: sitePair,
    smallestCut: { type: 'integer', minimum: 1 },
    cuts: { ...cuts, minItems: 1, description: 'a pair has a resilience record because some cut cuts it' },
  }),
  error: record('error', ['scenario', 'message'], { scenario: text, message: text }),
  summary: record('summary', ['partial', 'scenarios', 'ranking', 'rankingOmitted'], {
    partial: { type: 'boolean' },
    scenarios: {
      type: 'object', required: ['total', 'run', 'unchanged', 'errors', 'notConverged'],
      properties: { total: count, run: count, unchanged: count, errors: count, notConverged: count, derived: count, skipped: count, written: count },
    },
    ranking: {
      type: 'array',
      items: {
        type: 'object', required: ['id', 'failed', 'lost', 'asymmetric', 'rerouted'],
        properties: { id: text, failed: texts, lost: count, asymmetric: count, rerouted: count },
      },
    },
    rankingOmitted: count,
    singlePointsOfFailure: {
      type: 'array', items: { type: 'object', required: ['unit', 'breaks'], properties: { unit: text, breaks: pairs } },
    },
    findings: {
      type: 'object',
      properties: {
        baselineAsymmetricPairs: count,
        asymmetricPairsByClass: { type: 'object', required: ['link', 'circuit', 'transport'], properties: { link: count, circuit: count, transport: count } },
      },
    },
    resilience: {
      type: 'object', required: ['maxCutSize', 'connectedPairs', 'bySmallestCut', 'availability'],
      properties: {
        maxCutSize: count,
        connectedPairs: count,
        bySmallestCut: {
          type: 'object', additionalProperties: count, propertyNames: { pattern: '^([1-9][0-9]*|none)$' },
          description: 'pairs by the size of their smallest cut ("1", "2"...), or "none"',
        },
        availability: {
          type: 'object', required: ['bound', 'worst'],
          properties: {
            bound: probability, target: percent, belowTarget: count, undetermined: count,
            worst: {
              type: 'array',
              items: {
                type: 'object', required: ['pair', 'availability', 'unavailability', 'dominantCuts'],
                properties: { pair: sitePair, availability: percent, unavailability: probability, dominantCuts: cuts },
              },
            },
          },
        },
      },
    },
  }),
};

let validators: Map<string, ValidateFunction<RecordIn>> | undefined;

/** One validator per record type, compiled on first use (the first error of a line is enough to name it). */
function validatorFor(type: string): ValidateFunction<RecordIn> | undefined {
  if (!validators) {
    // verbose: an error carries its schema, whose description becomes the hint.
    const ajv = new Ajv({ verbose: true });
    validators = new Map(Object.entries(SCHEMAS).map(([t, schema]) => [t, ajv.compile<RecordIn>(schema)]));
  }
  return validators.get(type);
}

/** A record to read; one of a type the report does not read; or a problem: not a record at all, or not as its schema says. */
export type Checked = { record: RecordIn } | { skip: true } | { problem: string; notARecord: boolean };

export function checkRecord(value: unknown): Checked {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { type?: unknown }).type !== 'string') {
    return { problem: 'not a whatif record (a JSON object with a "type")', notARecord: true };
  }
  const type = (value as { type: string }).type;
  const validate = validatorFor(type);
  if (!validate) return { skip: true };
  if (validate(value)) return { record: value };
  return { problem: `the ${type} record ${describe(validate.errors![0]!)}`, notARecord: false };
}

/** `/ranking/3/lost` as `ranking[3].lost`, with ajv's message and the schema's description of the field. */
function describe(e: ErrorObject): string {
  const path = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  const where = path ? `field ${path}` : 'itself';
  const missing = e.keyword === 'required' ? `has no field ${path ? `${path}.` : ''}${String((e.params as { missingProperty: string }).missingProperty)}` : undefined;
  const description = (e.parentSchema as { description?: string } | undefined)?.description;
  const message = missing ?? `${where} ${e.message ?? 'is not valid'}`;
  return description && !missing ? `${message} (${description})` : message;
}
