import { describe, expect, it } from 'vitest';
import { ReorderBuffer } from '../../src/run/reorder-buffer.js';

describe('ReorderBuffer', () => {
  it('releases out-of-order results in index order', () => {
    const buf = new ReorderBuffer<string>();
    expect(buf.put(2, 'c')).toEqual([]);
    expect(buf.put(1, 'b')).toEqual([]);
    expect(buf.pending).toBe(2);
    expect(buf.next).toBe(0);
    expect(buf.put(0, 'a')).toEqual(['a', 'b', 'c']);
    expect(buf.pending).toBe(0);
    expect(buf.next).toBe(3);
    expect(buf.put(4, 'e')).toEqual([]);
    expect(buf.put(3, 'd')).toEqual(['d', 'e']);
  });

  it('releases in order whatever the arrival order', () => {
    const order = [5, 0, 3, 9, 1, 2, 8, 4, 7, 6];
    const buf = new ReorderBuffer<number>();
    const out: number[] = [];
    for (const i of order) out.push(...buf.put(i, i * 10));
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(buf.pending).toBe(0);
  });

  it('holds only the out-of-order window', () => {
    const buf = new ReorderBuffer<number>();
    let maxPending = 0;
    // Pairs swapped: 1,0,3,2,... never more than one result waits.
    for (let i = 0; i < 1000; i += 2) {
      buf.put(i + 1, i + 1);
      maxPending = Math.max(maxPending, buf.pending);
      expect(buf.put(i, i)).toEqual([i, i + 1]);
    }
    expect(maxPending).toBe(1);
  });

  it('starts at a given index and keeps falsy values', () => {
    const buf = new ReorderBuffer<number | undefined>(10);
    expect(buf.put(11, undefined)).toEqual([]);
    expect(buf.put(10, 0)).toEqual([0, undefined]);
    expect(buf.next).toBe(12);
  });

  it('rejects repeated, stale and non-integer indexes', () => {
    const buf = new ReorderBuffer<string>();
    buf.put(0, 'a');
    buf.put(2, 'c');
    expect(() => buf.put(0, 'again')).toThrow(RangeError);
    expect(() => buf.put(2, 'again')).toThrow(RangeError);
    expect(() => buf.put(1.5, 'x')).toThrow(RangeError);
    expect(buf.put(1, 'b')).toEqual(['b', 'c']);
  });
});
