/**
 * How many scenarios go in one task: enough that the pool's round trip (~0.1 ms) is noise, few enough that no
 * worker is left with a long tail while the others idle. Scenario costs vary by 1000x (one ER connection of a
 * data-centre circuit reroutes tens of thousands of pairs), so the size follows the measured cost per
 * scenario, starting from one, and shrinks toward the end of the run so the last batches spread over every
 * worker. With --pairs a scenario is megabytes of records: always one, to keep what is in flight small.
 */
export class BatchPacer {
  private static readonly TARGET_MS = 40;
  private static readonly MAX = 64;
  private scenarios = 0;
  private elapsedMs = 0;

  constructor(private readonly options: { oneAtATime: boolean; workers: number }) {}

  record(scenarios: number, elapsedMs: number): void {
    this.scenarios += scenarios;
    this.elapsedMs += elapsedMs;
  }

  /** The next batch's size, given how many scenarios are left (Infinity or NaN when unknown). */
  batchSize(remaining: number): number {
    if (this.options.oneAtATime || this.scenarios === 0) return 1;
    const perScenario = this.elapsedMs / this.scenarios;
    const byCost = Math.round(BatchPacer.TARGET_MS / Math.max(perScenario, 0.01));
    // Four batches per worker still to come at the end: the tail is shared, not left to one worker.
    const byTail = Number.isFinite(remaining) ? Math.ceil(remaining / (4 * this.options.workers)) : BatchPacer.MAX;
    return Math.max(1, Math.min(BatchPacer.MAX, byCost, byTail));
  }
}
