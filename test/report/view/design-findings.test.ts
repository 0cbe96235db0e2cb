import { describe, expect, it } from 'vitest';
import { designFindings } from '../../../src/report/view/design-findings.js';

describe('designFindings()', () => {
  it('reads both shapes, errors first, and keeps only https sources', () => {
    const found = designFindings([
      { id: 'info-one', severity: 'info', message: 'i', objects: ['x'], source: 'https://learn.microsoft.com/i' },
      { kind: 'single-link-circuit', subject: 'er1', units: ['er-link:er1-primary'], message: 'one link' },
      { id: 'route-limit', severity: 'error', message: 'e', objects: ['er2'], source: 'javascript:alert(1)' },
      { id: 'plain-http', severity: 'warning', message: 'w', objects: [], source: 'http://example.com' },
    ]);
    expect(found).toEqual([
      { id: 'route-limit', severity: 'error', message: 'e', objects: ['er2'], source: undefined },
      // The earlier shape: its only kind voids the SLA without cutting anything.
      { id: 'single-link-circuit', severity: 'warning', message: 'one link', objects: ['er1', 'er-link:er1-primary'], source: undefined },
      { id: 'plain-http', severity: 'warning', message: 'w', objects: [], source: undefined },
      { id: 'info-one', severity: 'info', message: 'i', objects: ['x'], source: 'https://learn.microsoft.com/i' },
    ]);
  });
});
