/**
 * Puts results that workers finish out of order back into scenario order. Only results that arrived ahead of
 * the next expected index are held, so memory is bounded by the out-of-order window, not by the run.
 */
export class ReorderBuffer<T> {
  private readonly held = new Map<number, T>();
  private nextIndex: number;

  constructor(start = 0) {
    if (!Number.isSafeInteger(start)) throw new RangeError(`ReorderBuffer: start ${start} is not an integer`);
    this.nextIndex = start;
  }

  /** Accepts the value for `index` and returns every value now releasable, in index order (often none). */
  put(index: number, value: T): T[] {
    if (!Number.isSafeInteger(index)) throw new RangeError(`ReorderBuffer: index ${index} is not an integer`);
    // A repeated or stale index means a scheduling bug upstream; dropping it silently would corrupt output.
    if (index < this.nextIndex || this.held.has(index)) {
      throw new RangeError(`ReorderBuffer: index ${index} was already put`);
    }
    if (index !== this.nextIndex) {
      this.held.set(index, value);
      return [];
    }
    const ready = [value];
    this.nextIndex++;
    while (this.held.size > 0) {
      const held = this.held.get(this.nextIndex);
      if (held === undefined && !this.held.has(this.nextIndex)) break;
      this.held.delete(this.nextIndex);
      ready.push(held as T);
      this.nextIndex++;
    }
    return ready;
  }

  /** How many values are held waiting for an earlier index. */
  get pending(): number {
    return this.held.size;
  }

  /** The index the next released value must have. */
  get next(): number {
    return this.nextIndex;
  }
}
