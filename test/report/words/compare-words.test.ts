import { describe, expect, it } from 'vitest';
import type { RunComparison } from '../../../src/report/view/compare.js';
import { compareSection } from '../../../src/report/words/compare-words.js';

function comparison(verdicts: number): RunComparison {
  return {
    previousFile: 'last-night.ndjson',
    sites: { added: [], removed: [] },
    units: { added: [], removed: [], disabled: [], enabled: [] },
    designFindings: { added: [], resolved: [] },
    spof: undefined,
    verdicts: Array.from({ length: verdicts }, (_, i) => ({ src: `s${i}`, dst: 'hub', before: 'symmetric' as const, after: 'unreachable' as const })),
    ranking: { worse: [], better: [], added: [], removed: [], truncated: false },
  };
}

describe('compareSection()', () => {
  it('lists at most 500 changed verdicts, even on the page, and counts the rest', () => {
    const blocks = compareSection(comparison(620)).blocks;
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(500);
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', only: 'html', muted: true, text: ['120 more pairs changed verdict; the run files have them all.'] });
  });

  it('lists every changed verdict up to that', () => {
    const blocks = compareSection(comparison(3)).blocks;
    expect(blocks.filter((b) => b.kind === 'table').map((b) => b.kind === 'table' && b.rows.length)).toEqual([3]);
    expect(blocks.some((b) => b.kind === 'paragraph')).toBe(false);
  });
});
