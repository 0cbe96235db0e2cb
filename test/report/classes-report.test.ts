import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { whatif } from '../cli-process.js';
import { tmp } from './run-files.js';

/**
 * A hand-written run in the contract newer engines write (test/fixtures/report/README.md): asymmetry classes
 * judged at the circuit threshold, site details with regions, design findings in both shapes. What the review
 * must say follows from the fixture's story:
 * - hub and spoke <-> onprem1: ExpressRoute one way, VPN back: transport, 4 directed pairs;
 * - onprem1 <-> onprem2: two circuits over Global Reach: circuit, 2 directed pairs;
 * - hub and spoke <-> onprem2: both links of er2 one way, one link back: link, 4 directed pairs, below the
 *   threshold (the design Microsoft recommends), so not asymmetric;
 * - branch <-> onprem2 unreachable: 18 of 20 directed pairs reachable.
 */
const FIXTURE = fileURLToPath(new URL('../fixtures/report/classes.ndjson', import.meta.url));
const SOURCE = 'https://learn.microsoft.com/en-us/azure/expressroute/expressroute-faqs';

describe('whatif report on a run with asymmetry classes, site details and sourced findings', () => {
  const html = join(tmp, 'classes.html');
  const r = whatif(['report', FIXTURE, '--html', html]);
  const md = r.stdout;
  const page = readFileSync(html, 'utf8');

  it('counts circuit and transport asymmetry at the threshold, and says why link asymmetry is not counted', () => {
    expect(r.status).toBe(0);
    expect(md).toContain('- **Baseline:** 18 of 20 directed pairs reachable; 6 asymmetric pairs at the circuit threshold (4 transport, 2 circuit), 0 one-way pairs (see Asymmetric paths).'
      + ' 4 more pairs differ only below the circuit threshold (4 link: same circuits, different links), not counted;'
      + ' ExpressRoute\'s recommended design (both links of a circuit up, the CE preferring one) differs by link by intent.');
    expect(md).toContain('- Asymmetry: pairs differing at or above the circuit class count as asymmetric.');
  });

  it('marks transport and circuit pairs ⇄ in the matrix, and the two-link ER pairs ✓', () => {
    expect(md).toContain('| `hub` | ✓ | ✓ | ✓ | ⇄ | ✓ |');
    expect(md).toContain('| `onprem1` | ⇄ | ⇄ | ✓ | ✓ | ⇄ |');
    expect(md).toContain('| `onprem2` | ✓ | ✓ | ✗ | ⇄ | ✓ |');
  });

  it('shows each asymmetric pair\'s class, grouped by the units that differ, and only at the threshold', () => {
    const rows = md.slice(md.indexOf('## Asymmetric paths'), md.indexOf('## Run')).split('\n').filter((l) => /^\| (baseline|new)/.test(l));
    expect(rows).toEqual([
      '| baseline (6 pairs) | `hub` -> `onprem1`, `spoke` -> `onprem1` | transport | `er-conn:er1-hub`, `er-link:er1-primary` | `vpn:hub-onprem1` |',
      '| baseline | `onprem1` -> `onprem2` | circuit | `er-link:er2-primary` | `er-link:er2-secondary` (paths cut short in the run) |',
      '| new when `er-conn:er1-hub` fails (2 pairs) | `onprem1` -> `onprem2` | transport | `vpn:hub-onprem1`, `er-conn:er2-hub`, `er-link:er2-primary` | `er-link:er2-secondary`, `global-reach:gr12`, `er-link:er1-primary` |',
    ]);
  });

  it('lists design findings errors first, with severity, objects and the Microsoft Learn source', () => {
    const items = md.slice(md.indexOf('## Design findings')).split('\n').filter((l) => l.startsWith('- **'));
    expect(items).toEqual([
      `- **error** \`er-private-peering-route-limit\` (\`er2\`, \`onprem2-ce\`): onprem2-ce advertises 4,100 routes to er2 over private peering, above the Standard limit of 4,000: the BGP session drops. Source: [${SOURCE}](<${SOURCE}>).`,
      '- **warning** `single-link-circuit` (`er1`, `er-link:er1-primary`): ExpressRoute circuit er1 runs on one link (1 disabled or missing): the availability SLA needs both BGP sessions up.',
      // Its source is a javascript: address: no link.
      '- **info** `single-vpn-tunnel` (`hub/vpngw`, `vpn:hub-onprem1`): hub/vpngw runs one tunnel to onprem1.',
    ]);
  });

  it('groups the sites each unit isolates by region', () => {
    expect(md).toContain('| region `westeurope` (2 sites) | 1 | `spoke` by `peering:hub-spoke` |');
    expect(md).toContain('| region `northeurope` (1 site) | 1 | `branch` by `vpn:hub-branch` |');
  });

  it('gives the page each cell with its class, and links only https sources', () => {
    const island = page.match(/<script type="application\/json" id="whatif-data">([^<]*)<\/script>/)![1]!;
    const data = JSON.parse(island) as { baseline: string; groups: { label: string; sites: number[] }[] };
    const cell = (s: number, d: number): string => data.baseline[s * 5 + d]!;
    expect([cell(0, 3), cell(3, 4), cell(0, 4), cell(2, 4)]).toEqual(['t', 'c', 's', 'u']);
    expect(data.groups).toEqual([
      { label: 'region westeurope', sites: [0, 1] }, { label: 'region northeurope', sites: [2] }, { label: 'on-premises sites', sites: [3, 4] },
    ]);
    expect([...page.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual([SOURCE]);
    expect(page).not.toContain('javascript:');
  });
});
