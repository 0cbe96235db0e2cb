import { open, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { moreThanDown } from '../analysis/availability.js';
import { CutSets } from '../analysis/cut-sets.js';
import { compareEntries, RANKING_SIZE } from '../analysis/ranking.js';
import type { NdjsonSink } from '../output/ndjson-sink.js';
import type { RunRecord, ScenarioRecord, SummaryRecord } from '../output/records.js';
import { resilienceOutput } from '../output/resilience-records.js';
import { summaryRecord, type SummaryParts } from './summary.js';

/** A set of shard files that cannot be merged, with every reason, each naming its file. */
export class MergeError extends Error {
  constructor(readonly problems: { file: string; message: string; hint: string }[]) {
    super('cannot merge');
  }
}

interface Shard {
  file: string;
  run: RunRecord & { shard: NonNullable<RunRecord['shard']> };
  summary: SummaryRecord & { shard: NonNullable<SummaryRecord['shard']> };
}

/**
 * `whatif merge`: shard files (`--shard I/N`, any order) into the output one machine would have written, byte
 * for byte: the run record without its shard, the baseline, every shard's scenarios in shard order, the
 * resilience records from every shard's cuts, and one summary. Refuses, naming the file, what is not a
 * complete shard of one run: another topology or other options, a shard missing or given twice, one cut short;
 * and, when `--fail-on availability` needs a target, shards run without one. Returns the summary.
 */
export async function mergeShards(files: readonly string[], sink: NdjsonSink, options: { needsTarget?: boolean } = {}): Promise<SummaryRecord> {
  const shards = checkShards(await Promise.all(files.map(readEnds)));
  if (options.needsTarget && shards[0]!.run.availability?.target === undefined) {
    throw new MergeError([{
      file: shards[0]!.file, message: 'the shards ran without --availability-target, which --fail-on availability needs',
      hint: 'run the shards with --max-failures K --availability-target, or merge without --fail-on availability',
    }]);
  }
  const first = shards[0]!;
  const { shard: _, ...run } = first.run;
  await sink.write(run);
  let baseline: ScenarioRecord | undefined;
  for (const [i, shard] of shards.entries()) {
    await forEachLine(shard.file, async (line, kind) => {
      if (kind === 'run' || kind === 'summary') return;
      if (kind === 'baseline') {
        if (i === 0) {
          baseline ??= JSON.parse(line) as ScenarioRecord;
          await sink.writeLines(Buffer.from(line + '\n'));
        }
        return;
      }
      await sink.writeLines(Buffer.from(line + '\n'));
    });
  }
  const resilience = run.availability !== undefined && baseline ? mergedResilience(run, baseline, shards) : undefined;
  for (const record of resilience?.records ?? []) await sink.write(record);
  const summary = summaryRecord({ ...mergedSums(shards), ...(resilience ? { resilience: resilience.summary } : {}) });
  await sink.write(summary);
  return summary;
}

/** A shard file's first and last records: what it is, and whether it is whole. */
async function readEnds(file: string): Promise<{ file: string; run?: unknown; summary?: unknown; problem?: string }> {
  let handle;
  try {
    handle = await open(file);
  } catch (error) {
    return { file, problem: `cannot read it: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const { size } = await handle.stat();
    const parse = (line: Buffer | undefined): unknown => {
      try {
        return line === undefined ? undefined : JSON.parse(line.toString('utf8'));
      } catch {
        return undefined;
      }
    };
    return { file, run: parse(await firstLine(handle, size)), summary: parse(await lastLine(handle, size)) };
  } finally {
    await handle.close();
  }
}

/** Reading a file's ends: in pieces of this size, joined once (a run record or summary can be many megabytes). */
const PIECE = 1 << 20;

/** The file's first line, without its newline; none when no newline ends it. */
async function firstLine(handle: FileHandle, size: number): Promise<Buffer | undefined> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < size; at += PIECE) {
    const piece = Buffer.alloc(Math.min(PIECE, size - at));
    await handle.read(piece, 0, piece.length, at);
    const end = piece.indexOf(10);
    if (end >= 0) return Buffer.concat([...pieces, piece.subarray(0, end)]);
    pieces.push(piece);
  }
  return undefined;
}

/** The file's last line (the one its final newline ends, or the unfinished one after the last newline). */
async function lastLine(handle: FileHandle, size: number): Promise<Buffer | undefined> {
  const pieces: Buffer[] = [];
  for (let at = size; at > 0;) {
    const length = Math.min(PIECE, at);
    at -= length;
    const piece = Buffer.alloc(length);
    await handle.read(piece, 0, length, at);
    // The newline that ends the file is not the one before its last line.
    const searchFrom = pieces.length === 0 ? piece.length - 2 : piece.length - 1;
    const start = searchFrom >= 0 ? piece.lastIndexOf(10, searchFrom) : -1;
    if (start >= 0) return Buffer.concat([piece.subarray(start + 1), ...pieces]);
    pieces.unshift(piece);
  }
  return pieces.length > 0 ? Buffer.concat(pieces) : undefined;
}

/** The shards in order, or every reason they cannot be merged. */
function checkShards(read: { file: string; run?: unknown; summary?: unknown; problem?: string }[]): Shard[] {
  const problems: MergeError['problems'] = [];
  const shards: Shard[] = [];
  for (const r of read) {
    const run = r.run as Partial<RunRecord> | undefined;
    const summary = r.summary as Partial<SummaryRecord> | undefined;
    if (r.problem) problems.push({ file: r.file, message: r.problem, hint: 'give the files the shards wrote with --out' });
    else if (run?.type !== 'run') problems.push({ file: r.file, message: 'not a whatif run: its first line is no run record', hint: 'give the NDJSON files the shards wrote' });
    else if (!run.shard) problems.push({ file: r.file, message: 'not a shard: its run record has no shard', hint: 'merge joins the files of `whatif ... --shard I/N` runs' });
    else if (summary?.type !== 'summary' || !summary.shard) problems.push({ file: r.file, message: 'cut short: it does not end with its summary', hint: 'run the shard again: its run was interrupted or its file truncated' });
    else if (summary.partial) problems.push({ file: r.file, message: `shard ${run.shard.index}/${run.shard.count} is partial (interrupted)`, hint: 'run that shard again to the end' });
    else shards.push({ file: r.file, run: run as Shard['run'], summary: summary as Shard['summary'] });
  }
  if (problems.length > 0) throw new MergeError(problems);
  const reference = shards[0]!;
  for (const s of shards.slice(1)) {
    if (s.run.fingerprint !== reference.run.fingerprint) {
      problems.push({
        file: s.file, message: `another run: its topology or options differ from ${reference.file}'s (fingerprint ${s.run.fingerprint.slice(0, 19)} against ${reference.run.fingerprint.slice(0, 19)})`,
        hint: 'every shard must run the same topology file with the same options and the same whatif; only --shard, --workers and --out may differ',
      });
    } else if (s.run.shard.count !== reference.run.shard.count) {
      problems.push({ file: s.file, message: `shard of ${s.run.shard.count}, where ${reference.file} is a shard of ${reference.run.shard.count}`, hint: 'give one run\'s shards, all cut with the same N' });
    }
  }
  if (problems.length > 0) throw new MergeError(problems);
  const count = reference.run.shard.count;
  const byIndex = new Map<number, Shard>();
  for (const s of shards) {
    const earlier = byIndex.get(s.run.shard.index);
    if (earlier) problems.push({ file: s.file, message: `shard ${s.run.shard.index}/${count} given twice (also ${earlier.file})`, hint: 'give each shard once' });
    else byIndex.set(s.run.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    problems.push({ file: '(shards)', message: `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`, hint: `give all ${count} shards of the run` });
  }
  if (problems.length > 0) throw new MergeError(problems);
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
}

type LineKind = 'run' | 'baseline' | 'scenario' | 'summary';

/**
 * Each line of a shard file with what it belongs to. Only a scenario line's start is looked at: pair records
 * follow their scenario, and are megabytes a scenario with --pairs.
 */
async function forEachLine(file: string, visit: (line: string, kind: LineKind) => Promise<void>): Promise<void> {
  const handle = await open(file);
  try {
    let kind: LineKind | undefined;
    for await (const line of createInterface({ input: handle.createReadStream(), crlfDelay: Infinity })) {
      if (line === '') continue;
      if (kind === undefined) kind = 'run';
      else if (line.startsWith('{"type":"scenario","id":"baseline"')) kind = 'baseline';
      else if (line.startsWith('{"type":"summary"')) kind = 'summary';
      else if (!line.startsWith('{"type":"pair"')) kind = 'scenario';
      await visit(line, kind);
    }
  } finally {
    await handle.close();
  }
}

/** What adds up over the shards: counts, the ranking (each shard's top entries hold the run's top), single points of failure. */
function mergedSums(shards: readonly Shard[]): SummaryParts {
  const summaries = shards.map((s) => s.summary);
  const sum = (of: (s: SummaryRecord) => number): number => summaries.reduce((total, s) => total + of(s), 0);
  const ranked = summaries.flatMap((s) => s.ranking).sort(compareEntries);
  const ranking = ranked.slice(0, RANKING_SIZE);
  const spof = summaries.some((s) => s.singlePointsOfFailure) ? summaries.flatMap((s) => s.singlePointsOfFailure ?? []) : undefined;
  const first = summaries[0]!;
  return {
    partial: false,
    scenarios: {
      total: sum((s) => s.scenarios.total), run: sum((s) => s.scenarios.run), derived: sum((s) => s.scenarios.derived),
      skipped: sum((s) => s.scenarios.skipped), written: sum((s) => s.scenarios.written), unchanged: sum((s) => s.scenarios.unchanged),
      errors: sum((s) => s.scenarios.errors), notConverged: sum((s) => s.scenarios.notConverged),
    },
    ranking,
    rankingOmitted: sum((s) => s.ranking.length + s.rankingOmitted) - ranking.length,
    ...(spof ? { singlePointsOfFailure: spof } : {}),
    findings: {
      scenariosWithLoss: sum((s) => s.findings.scenariosWithLoss),
      scenariosWithNewAsymmetry: sum((s) => s.findings.scenariosWithNewAsymmetry),
      baselineAsymmetricPairs: first.findings.baselineAsymmetricPairs,
      asymmetricPairsByClass: first.findings.asymmetricPairsByClass,
      singlePointsOfFailure: sum((s) => s.findings.singlePointsOfFailure),
    },
  };
}

/** The resilience records and section from every shard's cuts, as the one-machine run computes them. */
function mergedResilience(run: RunRecord, baseline: ScenarioRecord, shards: readonly Shard[]): ReturnType<typeof resilienceOutput> {
  const siteCount = run.sites.length;
  const cutSets = new CutSets(siteCount);
  for (const s of shards) for (const [a, b, ...units] of s.summary.shard.cuts) cutSets.add(a! * siteCount + b!, units);
  const reach = baseline.reach!;
  let connectedPairs = 0;
  for (let a = 0; a < siteCount; a++) for (let b = a + 1; b < siteCount; b++) if (reach[a]![b] === '1' && reach[b]![a] === '1') connectedPairs++;
  const { unavailability, target } = run.availability!;
  const byKind = new Map(unavailability.kinds.map((k) => [k.kind as string, k.value]));
  const byUnit = Float64Array.from(run.failureUnits, (id) => unavailability.units[id] ?? byKind.get(id.slice(0, id.indexOf(':')))!);
  return resilienceOutput({ sites: run.sites, units: run.failureUnits }, cutSets, {
    maxCutSize: run.maxFailures, connectedPairs, byUnit, bound: moreThanDown([...byUnit], run.maxFailures), ...(target !== undefined ? { target } : {}),
  });
}
