/**
 * How many scenarios go in one task: enough that the pool's round trip (~0.1 ms) is noise, few enough that no
 * worker is left with a long tail while the others idle. Scenarios are sized by their expected cost
 * (ScenarioCost), converted to time by what the workers measured so far: a batch holds scenarios until it is
 * worth TARGET_MS, so one dear scenario goes alone and hundreds of cheap ones go together. Toward the end of
 * the run batches shrink so the last ones spread over every worker. With --pairs a scenario is megabytes of
 * records: always one, to keep what is in flight small.
 */
export class BatchPacer {
  private static readonly TARGET_MS = 40;
  private static readonly MAX = 64;
  private cost = 0;
  private elapsedMs = 0;

  constructor(private readonly options: { oneAtATime: boolean; workers: number }) {}

  /** What a finished batch was expected to cost, and what it took the worker. */
  record(cost: number, elapsedMs: number): void {
    this.cost += cost;
    this.elapsedMs += elapsedMs;
  }

  /** Whether a batch of `size` scenarios that cost `batchCost` so far may take one more costing `nextCost`. */
  fits(size: number, batchCost: number, nextCost: number, remaining: number): boolean {
    if (size === 0) return true;
    if (this.options.oneAtATime || this.cost === 0) return false;
    // Four batches per worker still to come at the end: the tail is shared, not left to one worker.
    const tail = Number.isFinite(remaining) ? Math.ceil(remaining / (4 * this.options.workers)) : BatchPacer.MAX;
    const msPerCost = this.elapsedMs / this.cost;
    return size < Math.min(BatchPacer.MAX, tail) && (batchCost + nextCost) * msPerCost <= BatchPacer.TARGET_MS;
  }
}
