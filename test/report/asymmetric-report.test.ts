import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { whatif } from '../cli-process.js';
import facts from '../cases/ce-without-local-preference.expected.js';
import { runToFile } from './run-files.js';

/**
 * The CE without local-preference (test/cases): Azure sends hub/spoke -> onprem1 over ER1, onprem1 answers
 * over the S2S VPN. The report must show each asymmetric pair once, with both directions' units.
 */
const TOPOLOGY = fileURLToPath(new URL('../cases/ce-without-local-preference.json', import.meta.url));

function paths(src: string, dst: string): string[][] {
  const pair = facts.scenarios.find((s) => s.failed.length === 0)!.pairs!.find((p) => p.src === src && p.dst === dst)!;
  expect(pair.symmetric).toBe(false);
  return pair.paths!;
}

describe('whatif report on an asymmetric design', () => {
  const md = whatif(['report', runToFile('asymmetric.ndjson', [TOPOLOGY, '--all-single-failures'])]).stdout;

  // ER1 one way, the S2S VPN back: two transports, the transport class (reference/azure-routing-rules.md).
  it('counts the asymmetric pairs at a glance and marks them ⇄ in the matrix', () => {
    expect(md).toContain('**Baseline:** 22 of 30 directed pairs reachable; 4 asymmetric pairs at the circuit threshold (4 transport), 0 one-way pairs (see Asymmetric paths).');
    expect(md).toContain('| `hub` | ✓ | ✓ | ✓ | ⇄ | ✓ | ✓ |');
    expect(md).toContain('| `onprem1` | ⇄ | ⇄ | ✓ | ✓ | ✗ | ✓ |');
  });

  it('lists each asymmetric pair once, grouped by the units its two directions differ by', () => {
    const section = md.slice(md.indexOf('## Asymmetric paths'), md.indexOf('## Run'));
    // Both pairs differ the same way: ER1 one way, the S2S VPN the other (spoke adds its peering both ways).
    const only = (site: string): [string[], string[]] => {
      const forward = new Set(paths(site, 'onprem1').flat());
      const back = new Set(paths('onprem1', site).flat());
      return [[...forward].filter((u) => !back.has(u)), [...back].filter((u) => !forward.has(u))];
    };
    const [forward, back] = only('hub');
    expect(only('spoke')).toEqual([forward, back]);
    expect(back).toEqual(['vpn:hub-onprem1']);
    const rows = section.split('\n').filter((l) => l.startsWith('| baseline'));
    // 4 directed pairs (each pair both ways), listed once each as hub -> onprem1 and spoke -> onprem1.
    expect(rows).toEqual([`| baseline (4 pairs) | \`hub\` -> \`onprem1\`, \`spoke\` -> \`onprem1\` | transport | ${forward.map((u) => `\`${u}\``).join(', ')} | ${back.map((u) => `\`${u}\``).join(', ')} |`]);
  });
});
