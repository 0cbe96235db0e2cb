/**
 * The review of the seed at up to 3 failures with a 99.99 % target. What it must say is derived from the seed's
 * minimal cut sets (seedMinimalCuts, test/cases/seed.expected.ts) and Microsoft's SLAs, never from the engine's
 * output:
 * - every ExpressRoute link, ExpressRoute gateway connection and VPN tunnel is down with probability 0.0005
 *   (their SLAs are 99.95 %); a VNet peering never (Virtual Network has no SLA);
 * - a pair is down when one of its cuts is wholly down: 1 - prod(1 - P(cut)), P(cut) the product of its units'.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedMinimalCuts } from '../cases/seed.expected.js';
import { whatif } from '../cli-process.js';
import { runToFile, tmp, write } from './run-files.js';
import { BASELINE_STATES, SITES } from './seed-facts.js';

const code = (id: string): string => `\`${id}\``;
const cutMd = (cut: string[]): string => cut.map(code).join(' + ');
const cutHtml = (cut: string[]): string => cut.map((u) => `<code>${u}</code>`).join(' + ');
const pairMd = (a: string, b: string): string => `${code(a)} <-> ${code(b)}`;

/** The lines of one `##` section, or `###` subsection, of the Markdown. */
function sectionOf(markdown: string, title: string, level = '##'): string {
  const start = markdown.indexOf(`${level} ${title}\n`);
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = markdown.slice(start + level.length + 1).search(new RegExp(`\\n#{2,${level.length}} `));
  return markdown.slice(start, end < 0 ? undefined : start + level.length + 1 + end);
}

function cutsOf(a: string, b: string): string[][] {
  return seedMinimalCuts.find(([x, y]) => x === a && y === b)![2];
}

const bySmallest = (size: number): [string, string, string[][]][] => seedMinimalCuts.filter(([, , cuts]) => cuts[0]!.length === size);

describe('the seed\'s cut sets, as the report reads them', () => {
  it('cover every pair connected both ways in the baseline: 11, ten of them with a single point of failure, one cut by two units', () => {
    const connected = SITES.flatMap((a, i) => SITES.slice(i + 1).flatMap((b, j) => {
      const [x, y] = [BASELINE_STATES[i]![i + 1 + j]!, BASELINE_STATES[i + 1 + j]![i]!];
      return x !== 'unreachable' && y !== 'unreachable' ? [`${a},${b}`] : [];
    }));
    expect(seedMinimalCuts.map(([a, b]) => `${a},${b}`)).toEqual(connected);
    expect([bySmallest(1).length, bySmallest(2).length, bySmallest(3).length]).toEqual([10, 1, 0]);
  });
});

describe('whatif report on the seed at up to 3 failures', () => {
  const html = join(tmp, 'seed-k3.html');
  let status: number | null;
  let md: string;
  beforeAll(() => {
    const run = runToFile('seed-k3.ndjson', ['--max-failures', '3', '--availability-target', '99.99']);
    ({ status, stdout: md } = whatif(['report', run, '--html', html]));
  });

  it('exits 0 and puts Resilience first, before the single points of failure', () => {
    expect(status).toBe(0);
    const order = ['At a glance', 'Resilience', 'Single points of failure', 'Design findings'];
    const at = order.map((t) => md.indexOf(`## ${t}\n`));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('says at a glance how many pairs one and two failures cut, and how available the least available pairs are', () => {
    expect(md).toContain('- **Resilience:** of 11 pairs of sites connected both ways, 10 have a single point of failure, 1 a dual-failure exposure; none survives every combination of up to 3 failed units.\n');
    // hub <-> remote, spoke <-> remote, branch <-> onprem1 and onprem1 <-> remote each have two single cuts:
    // 1 - 0.9995^2 = 0.00099975 down, 99.9 % up, 0.00099975 * 8,766 h = 8.8 hours a year.
    // Below 99.99 %: the 8 pairs with a single cut of probability 0.0005 (all but hub <-> spoke, whose
    // peering is never down, and hub, spoke <-> onprem1, cut only by two units: 2 * 0.0005^2).
    expect(md).toContain('- **Availability:** the least available pairs, `hub` <-> `remote` and 3 more, are up 99.9% of the time (8.8 hours down a year). Target 99.99%: 8 of 11 pairs below it, 3 meet it.\n');
  });

  it('counts the pairs by their smallest cut, and refers the single points of failure to their section', () => {
    const list = sectionOf(md, 'Resilience').split('\n').filter((l) => l.startsWith('- '));
    expect(list).toEqual([
      `- **${bySmallest(1).length} pairs** with a single point of failure: one unit failing alone cuts each (by unit under Single points of failure).`,
      `- **${bySmallest(2).length} pair** with a dual-failure exposure: each survives any single failure, but some set of 2 units failing together cuts it.`,
      '- **No pair** survives every combination of up to 3 failed units.',
    ]);
  });

  it('lists the dual-failure exposure with its cut sets: hub <-> onprem1, whose ExpressRoute and VPN paths share no unit', () => {
    const rows = sectionOf(md, 'Dual-failure exposures (1 pair)', '###').split('\n').filter((l) => l.startsWith('| 1 '));
    const [[a, b, cuts]] = bySmallest(2) as [[string, string, string[][]]];
    expect([a, b]).toEqual(['hub', 'onprem1']);
    expect(rows).toEqual([`| 1 | ${pairMd(a, b)} | ${cuts.map(cutMd).join('; ')} |`]);
  });

  it('lists the least available pairs worst first, a spoke beside its hub (its peering is never down), with their most likely cuts', () => {
    const rows = sectionOf(md, 'Availability', '###').split('\n').filter((l) => /^\| \d/.test(l));
    // Ties keep site order; a cut holding the peering (probability 0) is not likely and is left out.
    const single = (a: string, b: string): string => cutsOf(a, b).filter((c) => !c.includes('peering:hub-spoke')).map(cutMd).join('; ');
    expect(rows).toEqual([
      `| 2 | ${pairMd('hub', 'remote')}, ${pairMd('spoke', 'remote')} | 99.9% | 8.8 hours | below | ${single('hub', 'remote')} |`,
      `| 1 | ${pairMd('branch', 'onprem1')} | 99.9% | 8.8 hours | below | ${single('branch', 'onprem1')} |`,
      `| 1 | ${pairMd('onprem1', 'remote')} | 99.9% | 8.8 hours | below | ${single('onprem1', 'remote')} |`,
      // er-conn:er2-hub, or both er2 links: 1 - 0.9995 * (1 - 0.0005^2) = 0.00050025, shown as 99.95 %.
      `| 2 | ${pairMd('hub', 'onprem2')}, ${pairMd('spoke', 'onprem2')} | 99.95% | 4.4 hours | below | ${single('hub', 'onprem2')} |`,
      `| 2 | ${pairMd('hub', 'branch')}, ${pairMd('spoke', 'branch')} | 99.95% | 4.4 hours | below | ${single('hub', 'branch')} |`,
      // Two cuts of two units: 2 * 0.0005^2 = 5e-7 down, 99.99995 % up, 5e-7 * 31,557,600 s = 16 seconds a year.
      `| 2 | ${pairMd('hub', 'onprem1')}, ${pairMd('spoke', 'onprem1')} | 99.99995% | 16 seconds | meets it | ${single('hub', 'onprem1')} |`,
    ]);
  });

  it('bounds what stopping at 3 failures leaves out: 4 of the 8 units that can be down, C(8, 4) * 0.0005^4 = 4.4e-12', () => {
    expect(sectionOf(md, 'Availability', '###')).toContain('\nFailures of more than 3 units at once, which this run does not look at, could lower any pair\'s availability by at most 4.4e-10 percentage points (under a millisecond down a year).\n');
  });

  it('gives the figures of the seed\'s kinds of unit (it has no Global Reach), each with its Microsoft Learn source', () => {
    const rows = sectionOf(md, 'Availability', '###').split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((l) => l.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '| `er-link` | 0.0005 | 99.95%', '| `er-conn` | 0.0005 | 99.95%', '| `vpn` | 0.0005 | 99.95%', '| `peering` | 0 | 100% (counted as never down)',
    ]);
    for (const row of rows) expect(row).toMatch(/ \| \[https:\/\/learn\.microsoft\.com\/[^\]]*\]\(<https:\/\/learn\.microsoft\.com\/[^>]*>\) \|$/);
  });

  it('says which scenarios the run writes: the 10 irreducible ones, the distinct minimal cuts (the seed has no asymmetry)', () => {
    const cuts = new Set(seedMinimalCuts.flatMap(([, , c]) => c.map((cut) => cut.join('+'))));
    expect(cuts.size).toBe(10);
    const section = sectionOf(md, 'Run');
    // 9 + 36 + 84 combinations; 85 hold one of the 3 units that cut a stub off (spoke, branch, remote):
    // 36 - C(6, 2) = 21 doubles and 84 - C(6, 3) = 64 triples. The other 44 are simulated or derived.
    const counts = section.match(/Scenarios: 129 planned, up to 3 failed units each: (\d+) simulated \(0 needing no recomputation\), (\d+) derived \([^)]*\), 85 skipped \(/);
    expect(counts).not.toBeNull();
    expect(Number(counts![1]) + Number(counts![2])).toBe(44);
    expect(section).toContain(`- Written: the ${cuts.size} irreducible scenarios, each losing a pair or making one asymmetric that none of its parts does; the others are only counted (--all-scenarios writes every one).`);
    expect(sectionOf(md, 'Ranking of failures')).toContain('Only the irreducible scenarios this run writes are ranked');
    expect(sectionOf(md, 'Ranking of failures').split('\n').filter((l) => /^\| \d/.test(l))).toHaveLength(cuts.size);
  });

  it('does not claim that every unit carries traffic: a failure that only reroutes is not written', () => {
    expect(sectionOf(md, 'Failures that change nothing', '###')).toContain('Not known: this run writes only irreducible scenarios');
  });

  describe('the same review as HTML', () => {
    let page: string;
    let section: string;
    beforeAll(() => {
      page = readFileSync(html, 'utf8');
      const start = page.indexOf('<section id="resilience">');
      section = page.slice(start, page.indexOf('</section>', start));
    });

    it('has the section before the single points of failure, and a card for the least available pair, bad when a pair misses the target', () => {
      expect(page.indexOf('<section id="resilience">')).toBeGreaterThan(0);
      expect(page.indexOf('<section id="resilience">')).toBeLessThan(page.indexOf('<section id="spof">'));
      expect(page).toContain('<div class="card bad"><div class="value">99.9%</div><div class="label">least available pair</div></div>');
    });

    it('lists the dual-failure exposure and the least available pairs with their cuts', () => {
      const cuts = cutsOf('hub', 'onprem1');
      expect(section).toContain(`<tr><td class="num">1</td><td><span class="pair"><code>hub</code> <span class="arrow">↔</span> <code>onprem1</code></span></td><td>${cuts.map(cutHtml).join('; ')}</td></tr>`);
      const worst = section.slice(section.indexOf('<table class="sortable" id="availability-worst">'));
      expect(worst.match(/<tr><td class="num">/g)).toHaveLength(6);
      expect(worst).toContain(`<td class="num">99.9%</td><td>8.8 hours</td><td>below</td><td>${cutsOf('hub', 'remote').map(cutHtml).join('; ')}</td></tr>`);
    });

    it('links each figure to its Microsoft Learn source, and nothing else', () => {
      const links = section.match(/<a href="[^"]*"/g) ?? [];
      expect(links).toHaveLength(4);
      for (const link of links) expect(link).toMatch(/^<a href="https:\/\/learn\.microsoft\.com\//);
    });
  });
});

describe('whatif report on an interrupted run that looked for cut sets', () => {
  it('says the resilience was not computed, at a glance and in its section', () => {
    // An interrupted run writes no resilience records and no resilience section: from part of the combinations
    // they would mislead.
    const lines = readFileSync(runToFile('seed-k2-for-partial.ndjson', ['--max-failures', '2']), 'utf8').trimEnd().split('\n');
    const summary = JSON.parse(lines.at(-1)!) as { partial: boolean; resilience?: unknown };
    summary.partial = true;
    delete summary.resilience;
    const partial = write('seed-k2-partial.ndjson', [...lines.filter((l) => !l.startsWith('{"type":"resilience"') && !l.startsWith('{"type":"summary"')), JSON.stringify(summary)].join('\n') + '\n');
    const r = whatif(['report', partial]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('- **Resilience: not computed** (the run was interrupted; cut sets from part of the combinations would mislead).\n');
    expect(sectionOf(r.stdout, 'Resilience')).toBe('## Resilience\n\nNot computed: the run was interrupted before it had looked at every combination of up to 2 units, and cut sets from part of them would mislead.\n');
  });
});
