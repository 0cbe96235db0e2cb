/**
 * The review of an estate at up to 2 failures: M (100 sites), generated and run once for this file. What it must
 * say is derived from the topology: a data centre with a VPN to a hub and a circuit of two links connected to
 * that hub reaches the hub over either, so one failure never cuts them and the tunnel with the connection does.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../src/model/topology.js';
import { whatif } from '../cli-process.js';
import { estate, type Estate } from './estate-run.js';
import { tmp } from './run-files.js';

/**
 * Per on-premises site with a VPN to a hub and a circuit of two enabled links connected to the same hub, and no
 * Global Reach (which could carry the hub's traffic over another circuit): the hub, the site, and the cut.
 */
function dualHomed(topology: Topology): { hub: string; site: string; cut: [string, string] }[] {
  const reached = new Set((topology.globalReach ?? []).flatMap((g) => g.circuits));
  return topology.sites.flatMap((site) => {
    if (site.kind !== 'onprem') return [];
    const ces = new Set(site.routers.map((r) => r.id));
    const circuit = (topology.erCircuits ?? []).find((c) => c.links.some((l) => ces.has(l.ce)));
    if (!circuit || reached.has(circuit.name) || circuit.links.filter((l) => l.enabled !== false).length !== 2) return [];
    return (topology.vpnConnections ?? []).flatMap((v) => {
      const connection = circuit.connections?.find((c) => c.vnet === v.gateway);
      if (!('ce' in v.peer) || !ces.has(v.peer.ce) || !connection) return [];
      return [{ hub: v.gateway, site: site.id, cut: [`vpn:${v.name}`, `er-conn:${connection.name}`] as [string, string] }];
    });
  });
}

describe('the M review at up to 2 failures', () => {
  let M: Estate;
  let md: string;
  let page: string;
  const html = join(tmp, 'M-k2.html');
  beforeAll(() => {
    M = estate('M', ['--max-failures', '2', '--availability-target', '99.99']);
    const r = whatif(['report', M.runFile, '--html', html]);
    if (r.status !== 0) throw new Error(`whatif report exited ${r.status}: ${r.stderr}`);
    md = r.stdout;
    page = readFileSync(html, 'utf8');
  });

  it('stays readable: Markdown under 100 KB, the page under 2 MB', () => {
    expect(Buffer.byteLength(md)).toBeLessThan(100 * 1024);
    expect(statSync(html).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('lists each hub and dual-homed data centre as a dual-failure exposure, cut by the tunnel and the circuit\'s connection together', () => {
    const pairs = dualHomed(M.topology);
    // A guard on the loop below: M has 14 data centres, a few of them on Global Reach or on a single-link circuit.
    expect(pairs.length).toBeGreaterThan(5);
    const table = page.slice(page.indexOf('<table class="sortable" id="cuts-2">'), page.indexOf('</table>', page.indexOf('id="cuts-2"')));
    for (const { hub, site, cut } of pairs) {
      expect(table).toContain(`<td><span class="pair"><code>${hub}</code> <span class="arrow">↔</span> <code>${site}</code></span></td><td><code>${cut[0]}</code> + <code>${cut[1]}</code></td></tr>`);
    }
  });

  it('tells the single points of failure by unit in their own section, not pair by pair', () => {
    const section = md.slice(md.indexOf('## Resilience\n'), md.indexOf('## Single points of failure\n'));
    expect(section).toMatch(/\n- \*\*[\d,]+ pairs\*\* with a single point of failure: one unit failing alone cuts each \(by unit under Single points of failure\)\.\n/);
    expect(section).not.toContain('### Single points of failure');
  });
});
