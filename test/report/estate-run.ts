import { readFileSync } from 'node:fs';
import type { Topology } from '../../src/model/topology.js';
import type { SiteDetail } from '../../src/report/read/run-records.js';
import type { CellState } from '../../src/report/view/cells.js';
import { whatif } from '../cli-process.js';
import { write } from './run-files.js';

/** A generated estate, its topology and its run (every single failure unless told), made once per test file. */
export interface Estate {
  topology: Topology;
  topologyFile: string;
  runFile: string;
  run: string;
}

export function estate(preset: 'S' | 'M' | 'L', scenarios: string[] = ['--all-single-failures']): Estate {
  const generated = whatif(['generate', '--preset', preset]);
  if (generated.status !== 0) throw new Error(`whatif generate exited ${generated.status}: ${generated.stderr}`);
  const name = [preset, ...scenarios].join('').replace(/[^A-Za-z0-9.-]/g, '');
  const topologyFile = write(`${name}.json`, generated.stdout);
  const runFile = write(`${name}.ndjson`, '');
  const r = whatif([topologyFile, ...scenarios, '--workers', '2', '--out', runFile]);
  if (r.status !== 0) throw new Error(`whatif ${preset} exited ${r.status}: ${r.stderr}`);
  return { topology: JSON.parse(generated.stdout) as Topology, topologyFile, runFile, run: readFileSync(runFile, 'utf8') };
}

/**
 * Each site's details as the record contract defines them (issue 12), derived from the topology: a spoke's hub
 * is the VNet whose gateways it uses (its peering with Use remote gateways), a VNet with gateways of its own (a hub,
 * a branch) names itself; the generator's topologies have no regions.
 */
export function siteDetailsOf(topology: Topology): SiteDetail[] {
  const hubOf = new Map<string, string>();
  for (const p of topology.peerings ?? []) {
    const [a, b] = p.sides;
    for (const [spoke, hub] of [[a, b], [b, a]] as const) {
      if (spoke.useRemoteGateways) {
        hubOf.set(spoke.vnet, hub.vnet);
        hubOf.set(hub.vnet, hub.vnet);
      }
    }
  }
  for (const s of topology.sites) if (s.kind === 'vnet' && (s.erGateway || s.vpnGateway)) hubOf.set(s.id, s.id);
  return topology.sites.map((s): SiteDetail => (s.kind === 'onprem'
    ? { id: s.id, kind: 'onprem' }
    : { id: s.id, kind: 'vnet', ...(hubOf.has(s.id) ? { hub: hubOf.get(s.id)! } : {}) }));
}

/** The run with site details in its run record, unless the engine already wrote them. */
export function withSiteDetails(run: string, details: SiteDetail[]): string {
  const newline = run.indexOf('\n');
  const record = JSON.parse(run.slice(0, newline)) as { siteDetails?: SiteDetail[] };
  record.siteDetails ??= details;
  return JSON.stringify(record) + run.slice(newline);
}

/**
 * The baseline's verdicts decoded straight from the run's record, as the README's contract words them: a
 * reachable pair is asymmetric when `sym` says so (at the run's threshold when the run has classes).
 */
export function baselineStates(run: string): { sites: string[]; states: CellState[][] } {
  const [first, second] = run.split('\n', 2).map((l) => JSON.parse(l) as Record<string, unknown>);
  const sites = first!.sites as string[];
  const threshold = (first!.asymmetryThreshold as string | undefined) ?? 'circuit';
  const flagged = threshold === 'link' ? 'lct' : threshold === 'circuit' ? 'ct' : 't';
  const { reach, sym, asymmetry } = second as { reach: string[]; sym: string[]; asymmetry?: string[] };
  const states = reach.map((row, s) => [...row].map((r, d): CellState => {
    if (r !== '1') return 'unreachable';
    const y = sym[s]![d];
    if (y === '-') return 'one-way';
    if (y === '1') return 'symmetric';
    return !asymmetry || flagged.includes(asymmetry[s]![d]!) ? 'asymmetric' : 'symmetric';
  }));
  return { sites, states };
}
