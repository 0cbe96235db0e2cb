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
const code = (path: string[]): string => `\`${path.join(' > ')}\``;

function paths(src: string, dst: string): string[][] {
  const pair = facts.scenarios.find((s) => s.failed.length === 0)!.pairs!.find((p) => p.src === src && p.dst === dst)!;
  expect(pair.symmetric).toBe(false);
  return pair.paths!;
}

describe('whatif report on an asymmetric design', () => {
  const md = whatif(['report', runToFile('asymmetric.ndjson', [TOPOLOGY, '--all-single-failures'])]).stdout;

  it('counts the asymmetric pairs at a glance and marks them ⇄ in the matrix', () => {
    expect(md).toContain('**Baseline:** 22 of 30 directed pairs reachable; 4 asymmetric pairs, 0 one-way pairs (see Asymmetric paths).');
    expect(md).toContain('| `hub` | ✓ | ✓ | ✓ | ⇄ | ✓ | ✓ |');
    expect(md).toContain('| `onprem1` | ⇄ | ⇄ | ✓ | ✓ | ✗ | ✓ |');
  });

  it('lists each asymmetric pair once with its forward and return units', () => {
    const section = md.slice(md.indexOf('## Asymmetric paths'), md.indexOf('## Run'));
    expect(section).toContain('### Baseline');
    for (const site of ['hub', 'spoke']) {
      const [forward] = paths(site, 'onprem1');
      const [back] = paths('onprem1', site);
      expect(section).toContain(`| \`${site}\` <-> \`onprem1\` | ${code(forward!)} | ${code(back!)} |`);
    }
    expect(section.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(2);
  });
});
