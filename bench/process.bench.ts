import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateTopology } from '../src/sources/generate/generate.js';

/** One whole-process run of the built CLI: wall time and peak RSS (all threads). */
export interface ProcessRow {
  run: string;
  args: string[];
  wallS: number;
  peakRssMiB: number;
  /** The summary's counts: failure scenarios in all, simulated, written. */
  scenarios: { total: number; run: number; written: number };
  outputMiB: number;
}

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

/** Runs the CLI to /dev/null-like consumption; peak RSS is the process's VmHWM, polled until it exits. */
async function measure(run: string, args: string[]): Promise<ProcessRow> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let peakKb = 0;
  let bytes = 0;
  // The summary is the last line: keep the pieces of the last complete line and of the line in progress only.
  // Pieces, never joined until the end: joining on every chunk copies a long line over and over (XL's summary
  // is a 200 MB line: quadratic copying that took the measured run's CPU), and copying all output would too.
  let lastLine: Buffer[] = [];
  let current: Buffer[] = [];
  const poll = setInterval(() => {
    const status = existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  }, 25);
  child.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    let from = 0;
    for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10, from)) {
      current.push(chunk.subarray(from, newline));
      lastLine = current;
      current = [];
      from = newline + 1;
    }
    if (from < chunk.length) current.push(chunk.subarray(from));
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`whatif ${args.join(' ')} exited ${code}`);
  const summary = JSON.parse(Buffer.concat(lastLine).toString('utf8')) as { scenarios: ProcessRow['scenarios'] };
  const { total, run: simulated, written } = summary.scenarios;
  return { run, args, wallS: (performance.now() - started) / 1000, peakRssMiB: peakKb / 1024, scenarios: { total, run: simulated, written }, outputMiB: bytes / 2 ** 20 };
}

/**
 * The issues' whole-process runs, one after another (never two at once: the machine has two cores).
 * `quick` skips the minutes-long reference run of L without incremental recomputation and the XL sweep.
 */
export async function runProcessBench(quick = false): Promise<ProcessRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'whatif-bench-'));
  const file = (preset: 'M' | 'L' | 'XL'): string => {
    const path = join(dir, `${preset}.json`);
    writeFileSync(path, JSON.stringify(generateTopology({ preset })));
    return path;
  };
  const m = file('M');
  const l = file('L');
  const xl = file('XL');
  const runs: [string, string[]][] = [
    ['seed, all single failures', ['--all-single-failures']],
    ['L, all single failures, 1 worker', [l, '--all-single-failures', '--workers', '1']],
    ['L, all single failures, 2 workers', [l, '--all-single-failures', '--workers', '2']],
    ...(quick ? [] : [['L, all single failures, 2 workers, --no-incremental', [l, '--all-single-failures', '--workers', '2', '--no-incremental']] as [string, string[]]]),
    ['M, --max-failures 2, 2 workers', [m, '--max-failures', '2', '--workers', '2']],
    ['M, --max-failures 2, 2 workers, --all-scenarios', [m, '--max-failures', '2', '--workers', '2', '--all-scenarios']],
    ['M, --max-failures 3, 2 workers', [m, '--max-failures', '3', '--workers', '2']],
    ['L, --max-failures 2, 2 workers', [l, '--max-failures', '2', '--workers', '2']],
    ['XL, baseline only', [xl]],
    ...(quick ? [] : [['XL, all single failures, 2 workers', [xl, '--all-single-failures', '--workers', '2']] as [string, string[]]]),
  ];
  const rows: ProcessRow[] = [];
  for (const [run, args] of runs) {
    const row = await measure(run, args);
    rows.push(row);
    const { total, run: simulated, written } = row.scenarios;
    console.log(`  ${run.padEnd(52)} ${row.wallS.toFixed(2).padStart(8)} s  ${row.peakRssMiB.toFixed(0).padStart(6)} MiB peak RSS  `
      + `${row.outputMiB.toFixed(1).padStart(7)} MiB out  (${total} failure scenarios, ${simulated} simulated, ${written} written)`);
  }
  const wall = (run: string): number | undefined => rows.find((r) => r.run === run)?.wallS;
  const one = wall('L, all single failures, 1 worker');
  const two = wall('L, all single failures, 2 workers');
  const reference = wall('L, all single failures, 2 workers, --no-incremental');
  console.log(`  L: 2 workers vs 1: ${(one! / two!).toFixed(2)}x${reference ? `; incremental vs --no-incremental: ${(reference / two!).toFixed(1)}x` : ''}`);
  const pruned = wall('M, --max-failures 2, 2 workers');
  const brute = wall('M, --max-failures 2, 2 workers, --all-scenarios');
  console.log(`  M at k = 2: irreducible (pruned) vs --all-scenarios: ${(brute! / pruned!).toFixed(1)}x`);
  console.log(`  machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runProcessBench(process.argv.includes('--quick'));
