#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { compileTopology } from './model/compile.js';
import type { CompiledTopology } from './model/compiled.js';
import { defaultTopologyPath } from './model/default-topology.js';
import { loadTopologyFile } from './model/load.js';
import { failIdIssues } from './model/validate.js';
import { error } from './model/issue.js';
import { unavailabilityIssues } from './model/validation/unavailability.js';
import { createControlContext } from './control/context.js';
import { computeRoutingState } from './control/routing-state.js';
import { routeTable } from './control/route-table.js';
import { ASYMMETRY_CLASSES, type AsymmetryClass } from './analysis/asymmetry.js';
import { createEngine, evaluateScenario } from './analysis/engine.js';
import { pairBranches } from './forward/branches.js';
import { planScenarios } from './failures/enumerate.js';
import { parseShard } from './failures/shard-spec.js';
import { openAtomicFile } from './output/atomic-file.js';
import { formatIssues } from './output/issues-text.js';
import { linksText } from './output/links-text.js';
import { NdjsonSink } from './output/ndjson-sink.js';
import { Progress } from './output/progress.js';
import { pairRecord, scenarioId, type SummaryRecord } from './output/records.js';
import { routesText } from './output/routes-text.js';
import { streamRun } from './run/coordinator.js';
import { runFingerprint } from './run/fingerprint.js';
import { traceText } from './output/trace-text.js';

/** Exit codes (DESIGN.md): 0 success, 1 --fail-on criteria hit, 2 bad input or usage, 3 scenarios failed, 130 Ctrl-C. */
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const EXIT_SCENARIO_ERRORS = 3;
const EXIT_INTERRUPTED = 130;

class UsageError extends Error {}

/**
 * Bad input, with its report for stderr. Thrown rather than exiting on the spot: process.exit() drops what a
 * pipe has not yet taken, and a report of thousands of problems is longer than a pipe holds.
 */
class InputError extends Error {
  constructor(readonly report: string) {
    super('bad input');
  }
}

const FAIL_ON = ['lost', 'asymmetric', 'spof', 'availability'] as const;

/**
 * `--fail-on`: lost = some scenario loses a pair; asymmetric = asymmetry (from the `--asymmetry` class up) in the
 * baseline or new in a scenario; spof = a single failure loses a pair; availability = a pair below `--availability-target`.
 */
function failOnHit(summary: SummaryRecord, criteria: readonly string[]): boolean {
  const f = summary.findings;
  return (criteria.includes('lost') && f.scenariosWithLoss > 0)
    || (criteria.includes('asymmetric') && (f.baselineAsymmetricPairs > 0 || f.scenariosWithNewAsymmetry > 0))
    || (criteria.includes('spof') && f.singlePointsOfFailure > 0)
    || (criteria.includes('availability') && (f.pairsBelowTarget ?? 0) > 0);
}

/** A finished run's exit code (a run's or a merge's): interrupted, scenarios failed, --fail-on hit, or success. */
function runExitCode(summary: SummaryRecord, failOn: readonly string[]): number {
  if (summary.partial) return EXIT_INTERRUPTED;
  if (summary.scenarios.errors > 0) return EXIT_SCENARIO_ERRORS;
  return failOnHit(summary, failOn) ? EXIT_FINDINGS : 0;
}

/** Loads and compiles a topology, or throws every problem, for stderr and exit 2. */
function load(path: string | undefined): CompiledTopology {
  const file = path ?? defaultTopologyPath();
  const result = loadTopologyFile(file);
  if (!result.ok) throw new InputError(formatIssues(file, result.issues));
  if (result.warnings.length > 0) process.stderr.write(formatIssues(file, result.warnings));
  const topology = compileTopology(result.topology);
  const issues = unavailabilityIssues(topology.units, topology.unavailability, (key) => `$.unavailability[${JSON.stringify(key)}]`);
  if (issues.length > 0) throw new InputError(formatIssues(file, issues));
  return topology;
}

/** `--unavailability er-link=0.001,vpn:hub-onprem1=0.002` (repeatable) -> overrides; bad ones exit 2. */
function unavailabilityOverrides(topology: CompiledTopology, values: string[] | undefined): Record<string, number> {
  const overrides: Record<string, number> = {};
  const malformed: string[] = [];
  for (const item of (values ?? []).flatMap((v) => v.split(','))) {
    const at = item.lastIndexOf('=');
    const value = at < 0 ? NaN : Number(item.slice(at + 1));
    if (at <= 0 || item.slice(at + 1).trim() === '') malformed.push(item);
    else overrides[item.slice(0, at).trim()] = value;
  }
  const issues = [
    ...malformed.map((item) => error('--unavailability', `"${item}" is not KIND=PROBABILITY or UNIT=PROBABILITY`, 'e.g. --unavailability er-link=0.0005,vpn:hub-onprem1=0.001')),
    ...unavailabilityIssues(topology.units, overrides, (key) => `--unavailability ${key}`),
  ];
  if (issues.length > 0) throw new InputError(formatIssues('--unavailability', issues));
  return overrides;
}

/** `--fail a,b --fail c` -> scenarios of unit indices; unknown or disabled ids exit 2. */
function failedScenarios(topology: CompiledTopology, values: string[] | undefined): number[][] {
  const scenarios = (values ?? []).map((v) => v.split(',').map((id) => id.trim()));
  const issues = failIdIssues(topology.units.map((u) => ({ id: u.id, enabled: u.enabled })), scenarios.flat());
  if (issues.length > 0) throw new InputError(formatIssues('--fail', issues));
  return scenarios.map((ids) => ids.map((id) => topology.units.findIndex((u) => u.id === id)));
}

function siteIndex(topology: CompiledTopology, id: string): number {
  const index = topology.sites.findIndex((s) => s.id === id);
  if (index < 0) throw new UsageError(`Unknown site "${id}": the sites are ${topology.sites.map((s) => s.id).join(', ')}`);
  return index;
}

const failOption = <T>(y: Argv<T>) => y.option('fail', { type: 'string', array: true, describe: 'failed unit ids, comma-separated (see `whatif links`)' });
const topologyOption = <T>(y: Argv<T>) => y.option('topology', { alias: 't', type: 'string', describe: 'topology file (default: scenarios/azure-interop.json)' });

/** Commands most runs do not use (report, import, generate) import their modules when called: a sweep starts sooner. */
async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const cli = yargs(argv)
    .scriptName('whatif')
    .usage('$0 [TOPOLOGY]: what breaks when links fail in a hybrid Azure network (NDJSON on stdout)')
    .command('$0 [topology]', 'baseline and failure scenarios as NDJSON', (y) => y
      .positional('topology', { type: 'string', describe: 'topology file (default: scenarios/azure-interop.json)' })
      .option('all-single-failures', { type: 'boolean', describe: 'every enabled failure unit down, one at a time' })
      .option('max-failures', { type: 'number', describe: 'every combination of 1..K units' })
      .option('fail', { type: 'string', array: true, describe: 'one explicit scenario: unit ids, comma-separated; repeatable' })
      .option('pairs', { type: 'boolean', default: false, describe: 'also emit one record per (scenario, src, dst)' })
      .option('full', { type: 'boolean', default: false, describe: 'failure scenarios carry full matrices, not only their diff' })
      .option('workers', { type: 'number', default: availableParallelism(), describe: 'worker pool size' })
      .option('out', { type: 'string', describe: 'write NDJSON to FILE (atomically) instead of stdout' })
      .option('max-scenarios', { type: 'number', default: 1_000_000, describe: 'refuse runs with more scenarios than this' })
      .option('incremental', { type: 'boolean', default: true, describe: 'reuse the baseline where a failure touches nothing (--no-incremental: recompute all)' })
      .option('all-scenarios', { type: 'boolean', default: false, describe: 'with --max-failures from 2: write every combination, simulating each, not only the irreducible ones' })
      .option('unavailability', { type: 'string', array: true, describe: 'with --max-failures: how often units are down, KIND=P or UNIT=P, comma-separated (default: 1 - Microsoft SLA per kind)' })
      .option('availability-target', { type: 'number', describe: 'with --max-failures: mark and rank the pairs below this availability, in percent (e.g. 99.99)' })
      .option('fail-on', { choices: FAIL_ON, array: true, describe: 'exit 1 when the run shows such a finding (the NDJSON is still complete); availability needs --availability-target' })
      .option('shard', { type: 'string', describe: 'run the I-th of N slices of the scenarios (I/N, or auto/N from JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or SLURM_ARRAY_TASK_ID); `whatif merge` joins the files' })
      .option('asymmetry', {
        choices: ASYMMETRY_CLASSES, default: 'circuit' as AsymmetryClass,
        describe: 'from which class up a pair counts as asymmetric: link (other links of the same circuits), circuit (other circuits or VPN connections), transport (ExpressRoute one way, VPN the other)',
      })
      .conflicts('all-single-failures', ['max-failures', 'fail'])
      .conflicts('max-failures', 'fail')
      .check((a) => {
        if (a['max-failures'] !== undefined && (!Number.isInteger(a['max-failures']) || a['max-failures'] < 1)) throw new UsageError('--max-failures takes a whole number of at least 1');
        if (!Number.isInteger(a.workers) || a.workers < 1) throw new UsageError('--workers takes a whole number of at least 1');
        const needsMaxFailures = (['all-scenarios', 'unavailability', 'availability-target'] as const).filter((o) => a[o] !== undefined && a[o] !== false);
        if (a['max-failures'] === undefined && needsMaxFailures.length > 0) {
          throw new UsageError(`--${needsMaxFailures[0]} applies to runs that look for cut sets: add --max-failures K`);
        }
        const target = a['availability-target'];
        if (target !== undefined && !(target > 0 && target < 100)) throw new UsageError('--availability-target takes a percentage above 0 and below 100, e.g. 99.99');
        if (a['fail-on']?.includes('availability') && target === undefined) throw new UsageError('--fail-on availability needs --availability-target, e.g. --availability-target 99.99');
        if (a.shard !== undefined && a['fail-on'] !== undefined) throw new UsageError('--fail-on judges the whole run, which a shard is not: give it to `whatif merge`');
        return true;
      }), async (a) => {
      const topology = load(a.topology);
      const shard = a.shard === undefined ? undefined : parseShard(a.shard, process.env);
      if (shard && !shard.ok) throw new UsageError(shard.message);
      const request = { allSingleFailures: a['all-single-failures'], maxFailures: a['max-failures'], explicit: failedScenarios(topology, a.fail) };
      const plan = planScenarios(topology, { ...request, ...(shard ? { shard: { index: shard.index, count: shard.count } } : {}) });
      const overrides = unavailabilityOverrides(topology, a.unavailability);
      if (plan.total > a['max-scenarios']) {
        throw new UsageError(`This run has ${plan.total === Infinity ? 'more than 2^53' : plan.total.toLocaleString('en-US')} failure scenarios, above --max-scenarios ${a['max-scenarios']}: lower --max-failures, or raise the limit with --max-scenarios ${Number.isFinite(plan.total) ? plan.total : ''}`.trim());
      }
      const file = a.out ? openAtomicFile(a.out) : undefined;
      const sink = new NdjsonSink(file?.stream ?? process.stdout);
      const interrupt = new AbortController();
      const onSigint = (): void => interrupt.abort();
      process.on('SIGINT', onSigint);
      try {
        const output = {
          pairs: a.pairs, full: a.full, incremental: a.incremental, asymmetry: a.asymmetry, allScenarios: a['all-scenarios'],
          availability: { overrides, ...(a['availability-target'] !== undefined ? { target: a['availability-target'] } : {}) },
        };
        const fingerprint = runFingerprint(topology, { ...output, scenarios: { ...request, explicit: request.explicit.map((ids) => ids.map((u) => topology.units[u]!.id)) } });
        const summary = await streamRun({
          topology, plan, workers: a.workers, sink, ...output, fingerprint,
          progress: new Progress({ total: plan.owned }), signal: interrupt.signal,
        });
        await sink.end();
        await file?.commit();
        exitCode = runExitCode(summary, a['fail-on'] ?? []);
      } catch (error) {
        await file?.abort();
        throw error;
      } finally {
        process.off('SIGINT', onSigint);
      }
    })
    .command('trace <src> <dst>', 'traceroute-like hop list, both directions', (y) => failOption(topologyOption(y))
      .positional('src', { type: 'string', demandOption: true })
      .positional('dst', { type: 'string', demandOption: true })
      .option('json', { type: 'boolean', default: false, describe: 'print the two pair records as NDJSON' }), (a) => {
      const topology = load(a.topology);
      const failed = failedScenarios(topology, a.fail).flat();
      const src = siteIndex(topology, a.src);
      const dst = siteIndex(topology, a.dst);
      const engine = createEngine(topology);
      const result = evaluateScenario(engine, failed);
      const branches = pairBranches(topology, result.fib, engine.baseline.forwarding.probes, engine.baseline.forwarding.probesOfSite);
      const scenario = scenarioId(topology, failed);
      const there = pairRecord(topology, scenario, result.matrix, branches(src, dst), src, dst);
      const back = pairRecord(topology, scenario, result.matrix, branches(dst, src), dst, src);
      process.stdout.write(a.json ? `${JSON.stringify(there)}\n${JSON.stringify(back)}\n` : traceText(there, back));
    })
    .command('routes <node>', 'routing table of a site or node, with why each loser lost', (y) => failOption(topologyOption(y))
      .positional('node', { type: 'string', demandOption: true, describe: 'a site id, or a node: hub/ergw, hub/vpngw, er1/msee, a CE id' })
      .option('json', { type: 'boolean', default: false, describe: 'one JSON object per route' }), (a) => {
      const topology = load(a.topology);
      const failed = failedScenarios(topology, a.fail).flat();
      const node = topology.nodes.findIndex((n) => n.name === a.node);
      if (node < 0) throw new UsageError(`Unknown node "${a.node}": the nodes are ${topology.nodes.map((n) => n.name).join(', ')}`);
      const state = computeRoutingState(createControlContext(topology), failed, undefined, true);
      const rows = routeTable(topology, state, node);
      process.stdout.write(a.json ? rows.map((r) => JSON.stringify(r) + '\n').join('') : routesText(a.node, scenarioId(topology, failed), rows));
    })
    .command('links [topology]', 'list failure units in enumeration order', (y) => y
      .positional('topology', { type: 'string' })
      .option('json', { type: 'boolean', default: false }), (a) => {
      const topology = load(a.topology);
      process.stdout.write(a.json ? topology.units.map((u) => JSON.stringify(u) + '\n').join('') : linksText(topology.units));
    })
    .command('validate [topology]', 'check a topology file and report every problem', (y) => y
      .positional('topology', { type: 'string' }), (a) => {
      const file = a.topology ?? defaultTopologyPath();
      const topology = load(file);
      const enabled = topology.units.filter((u) => u.enabled).length;
      process.stdout.write(`${file}: valid (${topology.sites.length} sites, ${topology.units.length} failure units, ${enabled} enabled)\n`);
    })
    .command('report <run>', 'design-review report of a run: Markdown on stdout', (y) => y
      .positional('run', { type: 'string', demandOption: true, describe: 'NDJSON written by a whatif run' })
      .option('html', { type: 'string', describe: 'also write the report as one self-contained HTML page to FILE' })
      .option('compare', { type: 'string', describe: 'a previous run (NDJSON): put what changed since it at the top' }), async (a) => {
      const { reportCommand } = await import('./report/command.js');
      exitCode = await reportCommand({ run: a.run, html: a.html, compare: a.compare }, process.stdout, process.stderr);
    })
    .command('merge <files..>', 'join the NDJSON of a run\'s shards (--shard I/N) into the output of one machine, byte for byte', (y) => y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'every shard\'s NDJSON, in any order' })
      .option('out', { type: 'string', describe: 'write NDJSON to FILE (atomically) instead of stdout' })
      .option('fail-on', { choices: FAIL_ON, array: true, describe: 'exit 1 when the merged run shows such a finding, as the one-machine run would' }), async (a) => {
      const { mergeShards, MergeError } = await import('./run/merge.js');
      const file = a.out ? openAtomicFile(a.out) : undefined;
      const sink = new NdjsonSink(file?.stream ?? process.stdout);
      try {
        const summary = await mergeShards(a.files, sink, { needsTarget: a['fail-on']?.includes('availability') ?? false });
        await sink.end();
        await file?.commit();
        exitCode = runExitCode(summary, a['fail-on'] ?? []);
      } catch (error) {
        await file?.abort();
        if (!(error instanceof MergeError)) throw error;
        process.stderr.write(error.problems.map((p) => `whatif merge: ${p.file}: ${p.message}\n  hint: ${p.hint}\n`).join(''));
        exitCode = EXIT_USAGE;
      }
    })
    .command('import <files..>', 'build a topology from Azure resource JSON and CE router configurations (JSON on stdout)', (y) => y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Azure exports (JSON) and Cisco IOS router configurations' })
      .option('out', { type: 'string', describe: 'write the topology to FILE (atomically) instead of stdout' }), async (a) => {
      const [{ importTopology }, { importProblemsText, importSummaryText }] = await Promise.all([
        import('./sources/import/import-topology.js'), import('./output/import-text.js'),
      ]);
      const result = importTopology(a.files);
      if (!result.ok) {
        process.stderr.write(importProblemsText(result.problems));
        exitCode = EXIT_USAGE;
        return;
      }
      process.stderr.write(importSummaryText(result.topology, result.notes, result.files));
      const json = JSON.stringify(result.topology, null, 2) + '\n';
      if (a.out === undefined) {
        process.stdout.write(json);
        return;
      }
      const file = openAtomicFile(a.out);
      file.stream.write(json);
      await file.commit();
    })
    .command('generate', 'print a synthetic hybrid topology (JSON) for scale tests', (y) => y
      .option('preset', { choices: ['S', 'M', 'L', 'XL'] as const, demandOption: true })
      .option('seed', { type: 'number', default: 1 }), async (a) => {
      const { generateTopology } = await import('./sources/generate/generate.js');
      process.stdout.write(JSON.stringify(generateTopology({ preset: a.preset, seed: a.seed }), null, 2) + '\n');
    })
    .strict()
    .help()
    .version(false)
    .wrap(Math.min(120, process.stderr.columns ?? 100))
    .fail((message, error) => {
      if (error && !(error instanceof UsageError)) throw error;
      process.stderr.write(`whatif: ${error?.message ?? message}\nRun whatif --help for usage.\n`);
      process.exit(EXIT_USAGE);
    });
  await cli.parseAsync();
  return exitCode;
}

// `whatif ... | head` closes stdout early: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(hideBin(process.argv)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof InputError) {
      process.stderr.write(error.report);
      process.exitCode = EXIT_USAGE;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`whatif: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    process.stderr.write(`whatif: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
