import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatif } from '../cli-process.js';
import { BASELINE_STATES, pairFact, pairsThroughCircuit, RANKING, SITES, SPOFS } from './seed-facts.js';
import { runToFile, tmp } from './run-files.js';

const MARK = { symmetric: '✓', asymmetric: '⇄', 'one-way': '→', unreachable: '✗' } as const;
const CODE = { symmetric: 's', asymmetric: 'a', 'one-way': 'o', unreachable: 'u' } as const;
const code = (id: string): string => `\`${id}\``;

/** The lines of one `## Title` section of the Markdown (or of its `### Title` subsection). */
function sectionOf(markdown: string, title: string, level = '##'): string {
  const start = markdown.indexOf(`${level} ${title}\n`);
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = markdown.slice(start + level.length + 1).search(new RegExp(`\\n#{2,${level.length}} `));
  return markdown.slice(start, end < 0 ? undefined : start + level.length + 1 + end);
}

/** The lost pairs of a single point of failure, from the seed facts. */
function lost(unit: string): [string, string][] {
  return SPOFS.find((s) => s.unit === unit)!.lost;
}

/**
 * The seed's single points of failure by what they cut, derived from the seed facts (a site is isolated when a
 * unit cuts every pair it had in the baseline, both ways):
 * - peering:hub-spoke isolates spoke (its 5 partners, 10 pairs); vpn:hub-branch isolates branch (hub, spoke,
 *   onprem1: branch reaches neither onprem2 nor remote); er-conn:er2-hub isolates onprem2 (it reaches hub and
 *   spoke only); er-conn:er1-remote isolates remote (hub, spoke, onprem1).
 * - er-conn:er1-hub cuts remote off from hub and spoke, but remote keeps onprem1 over er1: 2 of its 3 partners.
 * - er-link:er1-primary cuts onprem1 <-> remote only, vpn:hub-onprem1 branch <-> onprem1 only: one pair
 *   between two sites, neither isolated.
 */
const ISOLATES: [unit: string, site: string][] = [['peering:hub-spoke', 'spoke'], ['vpn:hub-branch', 'branch'], ['er-conn:er2-hub', 'onprem2'], ['er-conn:er1-remote', 'remote']];
const ONE_SITE = { unit: 'er-conn:er1-hub', site: 'remote', cutFrom: ['hub', 'spoke'], partners: 3 };
const SHARED: [unit: string, a: string, b: string][] = [['er-link:er1-primary', 'onprem1', 'remote'], ['vpn:hub-onprem1', 'branch', 'onprem1']];

/** Units a pair stops crossing and starts crossing when `unit` fails (sets of its paths' units, in path order). */
function moved(unit: string, src: string, dst: string): [string[], string[]] {
  const before = new Set(pairFact([], src, dst).paths!.flat());
  const after = new Set(pairFact([unit], src, dst).paths!.flat());
  return [[...before].filter((u) => !after.has(u)), [...after].filter((u) => !before.has(u))];
}

describe('whatif report on the seed (Markdown)', () => {
  const run = runToFile('seed.ndjson', ['--all-single-failures']);
  const html = join(tmp, 'seed.html');
  const r = whatif(['report', run, '--html', html]);
  const md = r.stdout;

  it('exits 0 and says what it wrote on stderr only', () => {
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`whatif report: wrote ${html}\n`);
  });

  it('opens with the run facts: 6 sites, 9 units + 1 disabled, 9 single failures, complete', () => {
    expect(md.split('\n')[0]).toBe('# whatif design review: `azure-interop`');
    expect(md).toContain('6 sites, 9 failure units (+1 disabled); 9 failure scenarios, one failed unit each; complete.');
    expect(md).not.toContain('Warning');
  });

  it('counts the 7 single points of failure by what they cut, and names the worst', () => {
    expect(ISOLATES.length + 1 + SHARED.length).toBe(SPOFS.length);
    expect(md).toContain(`- **${SPOFS.length} single points of failure**: 2 cut paths between sites, 1 cut one site off from some of its partners, 4 isolate one site each; the worst, \`peering:hub-spoke\`, cuts 10 pairs.`);
  });

  it('lists the units that isolate one site compactly, "site by unit"', () => {
    const section = sectionOf(md, 'Isolate one site (4)', '###');
    for (const [unit, site] of ISOLATES) {
      // Isolated: every pair the site had in the baseline, both ways, is lost.
      const had = SITES.filter((o) => o !== site).flatMap((o) => [[site, o], [o, site]]).filter(([s, d]) => pairFact([], s!, d!).outcome === 'DELIVERED');
      expect(lost(unit)).toHaveLength(had.length);
      expect(section).toContain(`${code(site)} by ${code(unit)}`);
    }
  });

  it('lists the unit that cuts remote off from hub and spoke, but not from onprem1', () => {
    const row = sectionOf(md, 'Cut one site off from some of its partners (1)', '###').split('\n').filter((l) => l.startsWith('| `'));
    expect(lost(ONE_SITE.unit)).toHaveLength(2 * ONE_SITE.cutFrom.length);
    expect(row).toEqual([`| ${code(ONE_SITE.unit)} | ${code(ONE_SITE.site)} | ${lost(ONE_SITE.unit).length} | ${ONE_SITE.cutFrom.map(code).join(' and ')} (2 of its ${ONE_SITE.partners} partners) |`]);
  });

  it('lists the units that cut a pair between two sites, most pairs first, with a site on each side', () => {
    const rows = sectionOf(md, 'Cut paths between sites (2)', '###').split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toEqual(SHARED.map(([unit, a, b]) => `| ${code(unit)} | ${lost(unit).length} | ${code(a)} | ${code(b)} |`));
  });

  it('shows the ER1 failover: hub/spoke <-> onprem1 leave ER1 for the S2S VPN', () => {
    const [left, joined] = moved('er-link:er1-primary', 'hub', 'onprem1');
    expect(moved('er-link:er1-primary', 'spoke', 'onprem1')).toEqual([left, joined]);
    expect(joined).toEqual(['vpn:hub-onprem1']);
    expect(sectionOf(md, 'Failover moves')).toContain(`| ${code('er-link:er1-primary')} (4 pairs rerouted) | ${code('hub')} <-> ${code('onprem1')}, ${code('spoke')} <-> ${code('onprem1')} | ${left.map(code).join(', ')} | ${joined.map(code).join(', ')} |`);
  });

  it('reports the single-link ER1 circuit (secondary disabled) as a design finding, a warning', () => {
    expect(md).toContain('- **warning** `single-link-circuit` (`er1`, `er-link:er1-primary`): ExpressRoute circuit er1 runs on one link');
    expect(md).toContain('the availability SLA needs both BGP sessions up');
    expect(sectionOf(md, 'Run')).toContain('disabled (down in every scenario): `er-link:er1-secondary`');
  });

  it('names the MSEEs every path of some pairs crosses, with their pair counts', () => {
    const section = sectionOf(md, 'Design findings');
    expect(section).toContain(`| ${code('er1/msee')} | ExpressRoute circuit (MSEE) | ${pairsThroughCircuit('er1')} |`);
    expect(section).toContain(`| ${code('er2/msee')} | ExpressRoute circuit (MSEE) | ${pairsThroughCircuit('er2')} |`);
    // Every enabled unit carries some best path in the seed.
    expect(section).toContain('None: every enabled unit carries traffic.');
  });

  it('draws the baseline matrix from the seed facts', () => {
    const section = sectionOf(md, 'Baseline reachability');
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toEqual(SITES.map((s, i) => `| ${code(s)} | ${BASELINE_STATES[i]!.map((st) => MARK[st]).join(' | ')} |`));
    expect(section).toContain('Legend: ✓ reachable, symmetric');
    expect(md).toContain('**Baseline:** 22 of 30 directed pairs reachable; every reachable pair is symmetric.');
  });

  it('ranks the failures by lost, then rerouted pairs', () => {
    const rows = sectionOf(md, 'Ranking of failures').split('\n').filter((l) => /^\| \d/.test(l));
    expect(rows.map((l) => l.split(' | ')[1])).toEqual(RANKING.map((u) => code(u.unit)));
    expect(rows.map((l) => l.split(' | ').slice(2, 5).join(' '))).toEqual(RANKING.map((u) => `${u.lost.length} 0 ${u.rerouted.length}`));
  });

  it('says from which class up asymmetry counts (the run\'s default, circuit)', () => {
    expect(sectionOf(md, 'Run')).toContain('- Asymmetry: pairs differing at or above the circuit class count as asymmetric.');
  });

  it('puts the most urgent sections first', () => {
    const order = ['At a glance', 'Single points of failure', 'Design findings', 'Baseline reachability', 'Ranking of failures', 'Failover moves', 'Asymmetric paths', 'Run'];
    const at = order.map((t) => md.indexOf(`## ${t}\n`));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  describe('the same report as HTML', () => {
    const page = readFileSync(html, 'utf8');

    it('is one self-contained page: no external resources', () => {
      expect(page.startsWith('<!doctype html>')).toBe(true);
      expect(page).not.toMatch(/<(link|img|iframe)\b/i);
      // The script names the SVG namespace, a name that is never fetched; a design finding links its Microsoft
      // Learn source, a link the reader follows, never a resource the page loads.
      const links = page.match(/<a href="https:\/\/[^"]*"[^>]*>[^<]*<\/a>/g) ?? [];
      expect(links.length).toBeGreaterThan(0);
      expect(links.every((a) => a.startsWith('<a href="https://learn.microsoft.com/'))).toBe(true);
      const unlinked = links.reduce((text, a) => text.split(a).join(''), page);
      expect(unlinked.split('http://www.w3.org/2000/svg').join('')).not.toMatch(/\ssrc=|url\(|@import|https?:\/\//i);
      expect(page.match(/<script\b/g)).toHaveLength(2);
    });

    it('embeds the baseline for the heatmap, cell by cell as the seed facts say', () => {
      const island = page.match(/<script type="application\/json" id="whatif-data">([^<]*)<\/script>/)![1]!;
      const data = JSON.parse(island) as { sites: string[]; baseline: string; aggregate: boolean };
      expect(data.sites).toEqual(SITES);
      expect(data.aggregate).toBe(false);
      expect(data.baseline).toBe(BASELINE_STATES.map((row) => row.map((s) => CODE[s]).join('')).join(''));
    });

    it('lists the single points of failure, the ER1 move and the single-link finding', () => {
      for (const [unit, site] of ISOLATES) expect(page).toContain(`<code>${site}</code> by <code>${unit}</code>`);
      for (const [unit, a, b] of SHARED) expect(page).toContain(`<tr><td><code>${unit}</code></td><td class="num">${lost(unit).length}</td><td><code>${a}</code></td><td><code>${b}</code></td></tr>`);
      const moves = page.slice(page.indexOf('<section id="moves">'));
      const er1 = moves.slice(moves.indexOf('<code>er-link:er1-primary</code> (4 pairs rerouted)'));
      expect(er1).toMatch(/^[^]*?<code>hub<\/code> <span class="arrow">↔<\/span> <code>onprem1<\/code>[^]*?<code>vpn:hub-onprem1<\/code>/);
      expect(page).toContain('<span class="severity warning">warning</span> <code>single-link-circuit</code> (<code>er1</code>, <code>er-link:er1-primary</code>): ExpressRoute circuit er1 runs on one link');
    });

    it('offers every ranked scenario on the heatmap, in ranking order', () => {
      const options = [...page.matchAll(/<option value="(-?\d+)">([^<]*)<\/option>/g)].map((m) => m[2]);
      expect(options).toEqual(['Baseline (no failure)', ...RANKING.map((u) => u.unit)]);
    });
  });
});
