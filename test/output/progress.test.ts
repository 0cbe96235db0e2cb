import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatProgress, Progress } from '../../src/output/progress.js';

/** Just enough of a WriteStream for Progress: records what it writes. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; out: string[] } {
  const out: string[] = [];
  const stream = { isTTY, columns: 100, write: (s: string) => out.push(s) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, out };
}

describe('formatProgress', () => {
  it('formats count, bar, percentage, rate and ETA', () => {
    expect(formatProgress(1234, 5000, 1520, 10)).toBe('scenarios 1234/5000 [##........] 24% 812/s ETA 5s');
    expect(formatProgress(2500, 5000, 1000, 10)).toBe('scenarios 2500/5000 [#####.....] 50% 2500/s ETA 1s');
  });

  it('handles the start, the end and empty runs', () => {
    expect(formatProgress(0, 100, 0, 4)).toBe('scenarios 0/100 [....] 0% 0/s ETA ?');
    expect(formatProgress(100, 100, 2000, 4)).toBe('scenarios 100/100 [####] 100% 50/s ETA 0s');
    expect(formatProgress(0, 0, 0, 4)).toBe('scenarios 0/0 [####] 100% 0/s ETA 0s');
  });

  it('shows slow rates with a decimal and long ETAs in minutes and hours', () => {
    expect(formatProgress(3, 1000, 2000, 5, 'pairs')).toBe('pairs 3/1000 [.....] 0% 1.5/s ETA 11m05s');
    expect(formatProgress(1, 100_000, 1000, 5)).toBe('scenarios 1/100000 [.....] 0% 1.0/s ETA 27h46m');
  });
});

describe('Progress', () => {
  it('writes nothing at all when stderr is not a terminal', () => {
    const { stream, out } = fakeStream(false);
    const p = new Progress({ total: 10, stream });
    for (let i = 0; i < 10; i++) p.tick();
    p.done();
    expect(out).toEqual([]);
  });

  // The clock is vitest's: redraw throttling is tested without waiting for real time to pass.
  beforeEach(() => { vi.useFakeTimers({ toFake: ['performance'] }); });
  afterEach(() => { vi.useRealTimers(); });

  it('draws in place on a terminal, throttles redraws to one per 100 ms and clears on done', () => {
    const { stream, out } = fakeStream(true);
    const p = new Progress({ total: 5000, stream });
    for (let i = 0; i < 1000; i++) p.tick();
    expect(out).toHaveLength(1); // the first tick draws; the rest fall inside the 100 ms window
    expect(out[0]).toMatch(/^\rscenarios 1\/5000 \[\.+\] 0% /);
    vi.advanceTimersByTime(99);
    p.tick();
    expect(out).toHaveLength(1);
    vi.advanceTimersByTime(1);
    p.tick();
    expect(out).toHaveLength(2);
    // 1,002 ticks in 100 ms; 30 cells (100 columns, less 50 for the text and 9 for the label).
    expect(out[1]).toBe(`\rscenarios 1002/5000 [${'#'.repeat(6)}${'.'.repeat(24)}] 20% 10020/s ETA 0s\x1b[K`);
    p.done();
    expect(out[2]).toBe('\r\x1b[K');
    vi.advanceTimersByTime(1000);
    p.tick();
    expect(out).toHaveLength(3);
  });

  it('can be forced off on a terminal', () => {
    const { stream, out } = fakeStream(true);
    const p = new Progress({ total: 3, stream, enabled: false });
    p.tick(3);
    p.done();
    expect(out).toEqual([]);
  });
});
