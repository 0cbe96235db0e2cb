/**
 * Writes one JSON object per line and makes the producer wait for the stream.
 *
 * Deliberately not `ndjson.stringify()`: into a synchronous sink (stdout redirected to a file or a pipe) it
 * queues one nextTick entry per row and memory grows with the row count. A plain write loop that awaits
 * 'drain' keeps memory flat whatever the run size.
 */

/** Errors that mean the reader went away (`whatif | head`): stop quietly rather than fail. */
const QUIET_CODES = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED']);

export class NdjsonSink {
  private isClosed = false;
  private failure: Error | undefined;
  private drainWait: Promise<void> | undefined;
  private releaseDrain: (() => void) | undefined;
  private readonly closedCallbacks: Array<() => void> = [];

  constructor(private readonly stream: NodeJS.WritableStream) {
    // Always listening, so an EPIPE on stdout never becomes an unhandled 'error' that kills the process.
    stream.on('error', (err: Error) => this.onError(err));
    stream.on('drain', () => this.wake());
    stream.on('close', () => this.goAway());
  }

  /** True once the stream is gone (reader closed, error) or `end()` was called. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** `cb` runs once when the reader goes away before `end()`, so the CLI can stop the run quietly. */
  onClosed(cb: () => void): void {
    this.closedCallbacks.push(cb);
  }

  /**
   * Serialises `record` and writes it as one line. Resolves at once when the stream accepted it, otherwise on
   * 'drain'. Throws a TypeError synchronously, before writing anything, if the record holds a BigInt.
   * After the stream closed it writes nothing and resolves; after a real I/O error it rejects with that error.
   */
  write(record: object): Promise<void> {
    return this.writeLines(serialise(record));
  }

  /** Writes lines already serialised elsewhere (a worker's NDJSON), with the same drain and close handling. */
  writeLines(lines: string | Uint8Array): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.isClosed) return Promise.resolve();
    return this.stream.write(lines) ? Promise.resolve() : this.waitForDrain();
  }

  /** Flushes what is buffered and ends the stream; resolves at once if it is already gone. */
  end(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.isClosed) return Promise.resolve();
    this.isClosed = true;
    return new Promise((resolve, reject) => {
      const settle = (): void => (this.failure ? reject(this.failure) : resolve());
      // end()'s callback does not fire if the stream is destroyed first: settle on 'error' and 'close' too.
      this.stream.end(settle);
      this.stream.once('error', settle);
      this.stream.once('close', settle);
    });
  }

  private waitForDrain(): Promise<void> {
    this.drainWait ??= new Promise<void>((resolve) => {
      this.releaseDrain = resolve;
    });
    return this.drainWait;
  }

  private wake(): void {
    const release = this.releaseDrain;
    this.drainWait = undefined;
    this.releaseDrain = undefined;
    release?.();
  }

  private onError(err: Error): void {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== undefined && QUIET_CODES.has(code)) this.goAway();
    else {
      this.failure ??= err;
      this.isClosed = true;
      this.wake(); // the waiting producer calls write() again and gets the rejection
    }
  }

  /** The reader is gone. Callbacks fire only the first time, and not after our own end() or a real error. */
  private goAway(): void {
    const wasOpen = !this.isClosed;
    this.isClosed = true;
    this.wake();
    if (wasOpen) for (const cb of this.closedCallbacks.splice(0)) cb();
  }
}

function serialise(record: object): string {
  try {
    return JSON.stringify(record) + '\n';
  } catch (err) {
    if (err instanceof TypeError && /bigint/i.test(err.message)) {
      throw new TypeError(`NdjsonSink: a BigInt at ${bigintPath(record, '$') ?? '?'} cannot be written as JSON`, { cause: err });
    }
    throw err;
  }
}

/** Where the first BigInt sits, for the error message; only walked on the failure path. */
function bigintPath(value: unknown, path: string, seen = new Set<object>()): string | undefined {
  if (typeof value === 'bigint') return path;
  if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) {
    const found = bigintPath(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, seen);
    if (found) return found;
  }
  return undefined;
}
