/*
 * Longest-prefix-match benchmark: the compiled PrefixTrie against a linear scan over the same routes,
 * at 100, 10k and 1M routes, plus the trie's build time and memory.
 *
 * Each timed iteration runs a batch of lookups over pre-generated addresses, because a single lookup
 * (tens of ns) is below what one timer sample can resolve; rates and latencies are reported per lookup.
 * The 1M linear scan costs about a millisecond per lookup, so it gets a small batch, few iterations
 * and a short time budget: the whole suite stays well under a minute.
 *
 * Run: npx tsx bench/trie.bench.ts   (or node dist/bench/trie.bench.js after a build)
 */
import { pathToFileURL } from 'node:url';
import { Bench, type BenchOptions } from 'tinybench';
import { PrefixTrie } from '../src/forward/prefix-trie.js';
import type { Prefix } from '../src/model/prefix.js';
import { mulberry32 } from '../src/sources/generate/seeded-random.js';

export interface BenchRow {
  suite: string;
  case: string;
  /** Operations per second: lookups for lookup cases, whole builds for build cases. */
  opsPerSec: number;
  /** Median time of one operation, in milliseconds. */
  p50Ms: number;
  /** For trie lookups: trie lookups/s divided by linear-scan lookups/s over the same routes. */
  ratio?: number;
}

interface Size {
  label: string;
  routes: number;
  /** Lookups per timed iteration of the linear scan (the trie always uses TRIE_BATCH). */
  linearBatch: number;
  linear: BenchOptions;
  build: BenchOptions;
}

const TRIE_BATCH = 1024;
const ADDRESSES = 4096; // power of two: the address cursor wraps with a mask
const LOOKUP: BenchOptions = { time: 500, warmupTime: 100, iterations: 32, warmupIterations: 8 };

const SIZES: Size[] = [
  {
    label: '100',
    routes: 100,
    linearBatch: 1024,
    linear: LOOKUP,
    build: { time: 300, warmupTime: 50, iterations: 32, warmupIterations: 8 },
  },
  {
    label: '10k',
    routes: 10_000,
    linearBatch: 64,
    linear: LOOKUP,
    build: { time: 500, warmupTime: 100, iterations: 16, warmupIterations: 4 },
  },
  {
    label: '1M',
    routes: 1_000_000,
    linearBatch: 4,
    linear: { time: 150, warmupTime: 20, iterations: 8, warmupIterations: 2 },
    build: { time: 0, warmupTime: 0, iterations: 3, warmupIterations: 1 },
  },
];


/**
 * Prefix lengths roughly shaped like an Internet/enterprise routing table: mostly /24, a band of
 * /16../23 aggregates, some longer prefixes and host routes, few short ones.
 */
const LENGTH_WEIGHTS: ReadonlyArray<readonly [len: number, weight: number]> = [
  [8, 1], [9, 1], [10, 1], [11, 1], [12, 2], [13, 2], [14, 3], [15, 3],
  [16, 20], [17, 8], [18, 10], [19, 18], [20, 25], [21, 25], [22, 45], [23, 40],
  [24, 300], [25, 6], [26, 6], [27, 6], [28, 6], [29, 8], [30, 8], [31, 2], [32, 20],
];
const LENGTH_TABLE: number[] = LENGTH_WEIGHTS.flatMap(([len, w]) => Array<number>(w).fill(len));

function randomRoutes(next: () => number, count: number): Prefix[] {
  const routes = new Array<Prefix>(count);
  for (let i = 0; i < count; i++) {
    const len = LENGTH_TABLE[next() % LENGTH_TABLE.length]!;
    routes[i] = { net: (next() & (-1 << (32 - len))) >>> 0, len };
  }
  return routes;
}

/** Half the addresses fall inside a random route (a hit path), half are uniform (mostly misses or short matches). */
function randomAddresses(next: () => number, routes: readonly Prefix[]): Int32Array {
  const out = new Int32Array(ADDRESSES);
  for (let i = 0; i < ADDRESSES; i++) {
    if (i & 1) {
      out[i] = next() | 0;
    } else {
      const r = routes[next() % routes.length]!;
      const host = r.len === 32 ? 0 : next() >>> r.len;
      out[i] = r.net | host;
    }
  }
  return out;
}

/** The baseline: one pass over flat arrays, keeping the longest match (first index on ties, like the trie). */
class LinearTable {
  private readonly nets: Int32Array;
  private readonly masks: Int32Array;
  private readonly lens: Uint8Array;

  constructor(routes: readonly Prefix[]) {
    const n = routes.length;
    this.nets = new Int32Array(n);
    this.masks = new Int32Array(n);
    this.lens = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const { net, len } = routes[i]!;
      this.nets[i] = net;
      this.masks[i] = len === 0 ? 0 : -1 << (32 - len);
      this.lens[i] = len;
    }
  }

  longestMatch(addr: number): number {
    const { nets, masks, lens } = this;
    let best = -1;
    let bestLen = -1;
    for (let i = 0; i < nets.length; i++) {
      if ((addr & masks[i]!) === nets[i]! && lens[i]! > bestLen) {
        best = i;
        bestLen = lens[i]!;
      }
    }
    return best;
  }
}

// Results flow into here so the optimiser cannot drop the lookups as dead code.
let sink = 0;

interface Measured {
  opsPerSec: number;
  p50Ms: number;
}

/** Runs one task in its own Bench (options differ per case) and returns per-operation figures. */
async function measure(name: string, opsPerIteration: number, fn: () => void, options: BenchOptions): Promise<Measured> {
  const bench = new Bench({ name, throws: true, ...options });
  bench.add(name, fn);
  const [task] = await bench.run();
  const result = task?.result;
  if (result?.state !== 'completed') {
    throw new Error(`bench ${name} did not complete: ${result?.state ?? 'no task'}`);
  }
  return {
    opsPerSec: result.throughput.mean * opsPerIteration,
    p50Ms: result.latency.p50 / opsPerIteration,
  };
}

/** Runs the suite, prints a table and returns its rows. */
export async function runTrieBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const table: string[][] = [];

  for (const size of SIZES) {
    const next = mulberry32(0x5eed + size.routes);
    const routes = randomRoutes(next, size.routes);
    const addrs = randomAddresses(next, routes);
    const trie = PrefixTrie.build(routes);
    const linear = new LinearTable(routes);

    // Sanity first: the two must agree, or the comparison is meaningless.
    const checks = size.routes >= 1_000_000 ? 64 : ADDRESSES;
    for (let i = 0; i < checks; i++) {
      const a = addrs[i]!;
      if (trie.longestMatch(a) !== linear.longestMatch(a)) throw new Error(`trie and linear scan disagree on ${a >>> 0}`);
    }

    let cursor = 0;
    const trieLookup = await measure(`trie lookup ${size.label}`, TRIE_BATCH, () => {
      let acc = 0;
      for (let i = 0; i < TRIE_BATCH; i++) {
        acc += trie.longestMatch(addrs[cursor]!);
        cursor = (cursor + 1) & (ADDRESSES - 1);
      }
      sink ^= acc;
    }, LOOKUP);

    const linearLookup = await measure(`linear lookup ${size.label}`, size.linearBatch, () => {
      let acc = 0;
      for (let i = 0; i < size.linearBatch; i++) {
        acc += linear.longestMatch(addrs[cursor]!);
        cursor = (cursor + 1) & (ADDRESSES - 1);
      }
      sink ^= acc;
    }, size.linear);

    const build = await measure(`trie build ${size.label}`, 1, () => {
      sink ^= PrefixTrie.build(routes).nodeCount;
    }, size.build);

    const ratio = trieLookup.opsPerSec / linearLookup.opsPerSec;
    rows.push(
      { suite: 'trie', case: `lookup ${size.label} routes`, ...trieLookup, ratio },
      { suite: 'trie', case: `linear scan ${size.label} routes`, ...linearLookup },
      { suite: 'trie', case: `build ${size.label} routes`, ...build },
    );

    const a = trie.toArrays();
    const bytes = a.keys.byteLength + a.lens.byteLength + a.children.byteLength + a.values.byteLength;
    table.push([
      size.label,
      fmtRate(trieLookup.opsPerSec),
      fmtRate(linearLookup.opsPerSec),
      `${fmtNum(ratio)}x`,
      (trieLookup.p50Ms * 1e6).toFixed(0),
      build.p50Ms.toFixed(build.p50Ms < 10 ? 2 : 0),
      String(trie.nodeCount),
      (bytes / 2 ** 20).toFixed(1),
    ]);
  }

  printTable(
    ['routes', 'trie lookups/s', 'linear lookups/s', 'trie/linear', 'trie p50 ns', 'build ms', 'nodes', 'trie MiB'],
    table,
  );
  if (sink === 0x7fffffff) console.log(''); // keeps `sink` observable
  return rows;
}

function fmtNum(x: number): string {
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3);
}

function fmtRate(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)} k`;
  return x.toFixed(0);
}

function printTable(header: string[], body: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]!) : s.padStart(widths[c]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  await runTrieBench();
}
