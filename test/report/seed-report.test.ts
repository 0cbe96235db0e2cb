import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatif } from '../cli-process.js';
import { BASELINE_STATES, pairFact, pairsThroughCircuit, RANKING, SITES, SPOFS } from './seed-facts.js';
import { runToFile, tmp } from './run-files.js';

const MARK = { symmetric: '✓', asymmetric: '⇄', 'one-way': '→', unreachable: '✗' } as const;
const code = (id: string): string => `\`${id}\``;
const paths = (p: string[][]): string => p.map((x) => code(x.join(' > '))).join(' or ');

/** The lines of one `## Title` section of the Markdown. */
function sectionOf(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, end < 0 ? undefined : end);
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

  it('lists the 7 single points of failure, worst first, with the pairs each cuts', () => {
    const section = sectionOf(md, 'Single points of failure');
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    const expected = [...SPOFS].sort((a, b) => b.lost.length - a.lost.length);
    expect(rows.map((l) => l.split(' | ')[0]!.slice(2))).toEqual(expected.map((s) => code(s.unit)));
    for (const s of expected) {
      const row = rows.find((l) => l.startsWith(`| ${code(s.unit)} |`))!;
      expect(row.split(' | ')[1]).toBe(String(s.lost.length));
      // Every lost pair appears, both directions folded into one `a <-> b`.
      for (const [a, b] of s.lost) expect(row.includes(`${code(a)} <-> ${code(b)}`) || row.includes(`${code(b)} <-> ${code(a)}`)).toBe(true);
    }
    expect(md).toContain(`**${SPOFS.length} single points of failure**`);
  });

  it('shows the ER1 failover: hub/spoke <-> onprem1 move from ER1 to the S2S VPN, onprem1 <-> remote is lost', () => {
    const section = sectionOf(md, 'Failover moves');
    const er1 = section.slice(section.indexOf('### When `er-link:er1-primary` fails'));
    const block = er1.slice(0, er1.indexOf('\n### ', 4));
    for (const site of ['hub', 'spoke']) {
      const before = pairFact([], site, 'onprem1').paths!;
      const after = pairFact(['er-link:er1-primary'], site, 'onprem1').paths!;
      expect(after.flat()).toContain('vpn:hub-onprem1');
      expect(block).toContain(`| ${code(site)} <-> ${code('onprem1')} | ${paths(before)} | ${paths(after)} |`);
    }
    expect(block).toContain('Lost at the same time: `onprem1` <-> `remote`.');
  });

  it('reports the single-link ER1 circuit (secondary disabled) as a design finding', () => {
    expect(md).toContain('- **single-link-circuit** `er1`: ExpressRoute circuit er1 runs on one link');
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
      expect(page).not.toMatch(/\ssrc=|url\(|@import|https?:\/\//i);
      expect(page.match(/<script\b/g)).toHaveLength(2);
    });

    it('has a 36-cell heatmap whose classes follow the seed facts', () => {
      const cells = [...page.matchAll(/<g class="cell ([a-z-]+)" data-src="([^"]*)" data-dst="([^"]*)"/g)];
      expect(cells).toHaveLength(36);
      for (const [, state, src, dst] of cells) expect(state).toBe(BASELINE_STATES[SITES.indexOf(src!)]![SITES.indexOf(dst!)]);
    });

    it('lists the single points of failure, the ER1 move and the single-link finding', () => {
      for (const s of SPOFS) expect(page).toMatch(new RegExp(`<td><code>${s.unit}</code></td><td class="num">${s.lost.length}</td>`));
      const moves = page.slice(page.indexOf('<section id="moves">'));
      const er1 = moves.slice(moves.indexOf('<code>er-link:er1-primary</code> fails'));
      expect(er1).toMatch(/^[^]*?<code>hub<\/code> <span class="arrow">↔<\/span> <code>onprem1<\/code>[^]*?<code>vpn:hub-onprem1<\/code>/);
      expect(page).toContain('<strong>single-link-circuit</strong> <code>er1</code>: ExpressRoute circuit er1 runs on one link');
    });

    it('offers every ranked scenario on the heatmap, in ranking order', () => {
      const options = [...page.matchAll(/<option value="(-?\d+)">([^<]*)<\/option>/g)].map((m) => m[2]);
      expect(options).toEqual(['Baseline (no failure)', ...RANKING.map((u) => u.unit)]);
    });
  });
});
