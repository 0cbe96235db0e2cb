/**
 * The review of an estate: L (500 sites, 601 single failures), generated and run once for this file. What it
 * must say is derived from the topology (which site hangs on which link) and the run's own baseline, decoded
 * here from the README's contract; the page is opened in real Chromium (browser.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../src/model/topology.js';
import { whatif } from '../cli-process.js';
import { launchChromium, type Chromium } from './browser.js';
import { baselineStates, estate, siteDetailsOf, withSiteDetails } from './estate-run.js';
import { tmp, write } from './run-files.js';

const L = estate('L');
const details = siteDetailsOf(L.topology);
const summary = JSON.parse(L.run.trimEnd().split('\n').at(-1)!) as { singlePointsOfFailure: { unit: string }[]; ranking: { id: string }[] };

function report(runFile: string, name: string): { md: string; html: string } {
  const html = join(tmp, name);
  const r = whatif(['report', runFile, '--html', html]);
  if (r.status !== 0) throw new Error(`whatif report exited ${r.status}: ${r.stderr}`);
  return { md: r.stdout, html };
}

/** VNets that hang on one link (a spoke's peering, a branch's tunnel): losing it isolates them. */
function isolatedBy(topology: Topology): Map<string, string> {
  const links = new Map<string, string[]>();
  const add = (vnet: string, unit: string): void => { links.set(vnet, [...(links.get(vnet) ?? []), unit]); };
  for (const p of topology.peerings ?? []) for (const side of p.sides) add(side.vnet, `peering:${p.name}`);
  for (const v of topology.vpnConnections ?? []) {
    add(v.gateway, `vpn:${v.name}`);
    if ('vnet' in v.peer) add(v.peer.vnet, `vpn:${v.name}`);
  }
  for (const c of topology.erCircuits ?? []) for (const conn of c.connections ?? []) add(conn.vnet, `er-conn:${conn.name}`);
  return new Map([...links].filter(([, units]) => units.length === 1).map(([vnet, [unit]]) => [vnet, unit!]));
}

const ISOLATED = isolatedBy(L.topology);
const asIs = report(L.runFile, 'L.html');
const grouped = report(write('L-details.ndjson', withSiteDetails(L.run, details)), 'L-details.html');

describe('the L review, as the run has it', () => {
  it('stays readable: Markdown under 100 KB, the page under 2 MB', () => {
    expect(Buffer.byteLength(asIs.md)).toBeLessThan(100 * 1024);
    expect(statSync(asIs.html).size).toBeLessThan(2 * 1024 * 1024);
    expect(Buffer.byteLength(grouped.md)).toBeLessThan(100 * 1024);
    expect(statSync(grouped.html).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('lists each spoke and branch isolated by its one link, compactly, and nothing else there', () => {
    // 452 spokes (one peering each) and 10 branches (one tunnel each) hang on a single link.
    expect(ISOLATED.size).toBe(462);
    const section = asIs.md.slice(asIs.md.indexOf('### Isolate one site (462)\n'), asIs.md.indexOf('## Design findings'));
    for (const [site, unit] of ISOLATED) expect(section).toContain(`\`${site}\` by \`${unit}\``);
    expect(section.match(/ by `/g)).toHaveLength(462);
  });

  it('names every single point of failure of the run once in the page, in one of the three tables', () => {
    const page = readFileSync(asIs.html, 'utf8');
    const spof = page.slice(page.indexOf('<section id="spof">'), page.indexOf('</section>', page.indexOf('<section id="spof">')));
    const named = [...spof.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => m[1]!).filter((id) => /^[a-z-]+:/.test(id));
    expect(named.sort()).toEqual(summary.singlePointsOfFailure.map((s) => s.unit).sort());
  });
});

describe('the L review with site details (a spoke\'s hub, a hub itself)', () => {
  // Every VNet's hub (a branch is its own) and the hubs with spokes.
  const allHubs = [...new Set(details.flatMap((d) => (d.hub ? [d.hub] : [])))];
  const hubs = [...new Set(details.flatMap((d) => (d.hub && d.hub !== d.id ? [d.hub] : [])))];
  const groupSites = (hub: string): string[] => details.filter((d) => d.hub === hub).map((d) => d.id);

  it('groups the isolated sites by hub, one row per hub', () => {
    for (const hub of hubs) {
      const spokes = groupSites(hub).filter((s) => ISOLATED.has(s));
      expect(grouped.md).toContain(`| hub \`${hub}\` (${groupSites(hub).length} sites) | ${spokes.length} | ${spokes.map((s) => `\`${s}\` by \`${ISOLATED.get(s)}\``).join('; ')} |`);
    }
  });

  it('tells a data centre\'s circuit connection to a hub other than its VPN\'s as cutting it off from all of that hub\'s sites', () => {
    // site-001 is a data centre: its circuit links every hub; its S2S VPN ends on one hub only.
    const site = L.topology.sites.find((s) => s.id === 'site-001')!;
    const ces = new Set(site.kind === 'onprem' ? site.routers.map((r) => r.id) : []);
    const circuit = L.topology.erCircuits!.find((c) => c.links.some((l) => ces.has(l.ce)))!;
    const vpnHub = L.topology.vpnConnections!.find((v) => 'ce' in v.peer && ces.has(v.peer.ce))!.gateway;
    expect(circuit.connections!.map((c) => c.vnet).sort()).toEqual([...hubs].sort());
    const page = readFileSync(grouped.html, 'utf8');
    for (const conn of circuit.connections!.filter((c) => c.vnet !== vpnHub)) {
      const n = groupSites(conn.vnet).length;
      expect(page).toContain(`<tr><td><code>er-conn:${conn.name}</code></td><td><code>site-001</code></td><td class="num">${2 * n}</td><td>all ${n} sites of hub <code>${conn.vnet}</code>`);
    }
    expect(page).not.toContain(`<code>er-conn:${circuit.connections!.find((c) => c.vnet === vpnHub)!.name}</code></td><td><code>site-001</code>`);
  });

  describe('in Chromium', () => {
    let chromium: Promise<Chromium> | undefined;
    afterAll(async () => {
      await (await chromium?.catch(() => undefined))?.close();
    });

    it('draws groups against groups, each cell the share of its pairs reachable, and drills down to the sites of two groups', async () => {
      chromium = launchChromium({ width: 1200, height: 1000 });
      const page = await (await chromium).context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(grouped.html).href);
      // The groups: one per hub (the hub and its spokes; a branch is its own), the VNets without a hub, the on-premises sites.
      const { sites, states } = baselineStates(L.run);
      const expected = new Map(([
        ...allHubs.map((hub): [string, string[]] => [`hub ${hub}`, groupSites(hub)]),
        ['VNets', details.filter((d) => d.kind === 'vnet' && !d.hub).map((d) => d.id)],
        ['on-premises sites', details.filter((d) => d.kind === 'onprem').map((d) => d.id)],
      ] as [string, string[]][]).filter(([, members]) => members.length > 0));
      const data = await page.$eval('#whatif-data', (e) => JSON.parse(e.textContent!) as { groups: { label: string; sites: number[] }[] });
      expect(new Map(data.groups.map((g) => [g.label, g.sites.map((i) => sites[i]!)]))).toEqual(expected);
      const members = data.groups.map((g) => g.sites);
      const labels = data.groups.map((g) => g.label);
      const cells = await page.$$eval('svg.heatmap .group-cell', (gs) => gs.map((g) => ['data-group-row', 'data-group-col', 'data-reachable', 'data-pairs'].map((a) => Number(g.getAttribute(a)))));
      expect(cells).toHaveLength(members.length ** 2);
      for (const [r, c, reachable, pairs] of cells) {
        const all = members[r!]!.flatMap((s) => members[c!]!.filter((d) => d !== s).map((d) => states[s]![d]!));
        expect([reachable, pairs]).toEqual([all.filter((x) => x !== 'unreachable').length, all.length]);
      }

      // Drill down: the first hub's sites against the on-premises sites, cell by cell as the run says.
      const [hub, onprem] = [labels.indexOf(`hub ${hubs[0]}`), labels.indexOf('on-premises sites')];
      await page.click(`g.group-cell[data-group-row="${hub}"][data-group-col="${onprem}"]`);
      const drawn = await page.$$eval('svg.heatmap .cell', (gs) => gs.map((g) => [g.getAttribute('data-row'), g.getAttribute('data-col'), [...g.classList].filter((c) => c !== 'cell' && c !== 'changed').join(' ')]));
      expect(drawn).toHaveLength(members[hub]!.length * members[onprem]!.length);
      for (const [row, col, state] of drawn) expect(state).toBe(states[Number(row)]![Number(col)]);
      expect(await page.locator('#heatmap-where').textContent()).toBe(`hub ${hubs[0]} → on-premises sites, site by site`);

      // Back to the groups, then the worst failure: the cells of its site's group row and column change.
      await page.click('#heatmap-back');
      expect(await page.locator('svg.heatmap .group-cell').count()).toBe(members.length ** 2);
      await page.selectOption('#scenario-select', { label: summary.ranking[0]!.id });
      const lost = (L.run.split('\n').find((l) => l.includes(`"id":${JSON.stringify(summary.ranking[0]!.id)}`))!);
      const lostPairs = (JSON.parse(lost) as { lost: [string, string][] }).lost.map(([s, d]) => [sites.indexOf(s), sites.indexOf(d)]);
      const groupOf = (site: number): number => members.findIndex((m) => m.includes(site));
      const outlined = await page.$$eval('svg.heatmap .group-cell.changed', (gs) => gs.map((g) => `${g.getAttribute('data-group-row')},${g.getAttribute('data-group-col')}`));
      expect(new Set(outlined)).toEqual(new Set(lostPairs.map(([s, d]) => `${groupOf(s!)},${groupOf(d!)}`)));
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
