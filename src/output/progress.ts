/** Redraw at most this often: a bar updated per scenario would cost more than some scenarios do. */
const REDRAW_MS = 100;

/**
 * One progress line, e.g. `scenarios 1234/5000 [##........] 24% 812/s ETA 5s`.
 * `width` is the number of cells in the bar. Pure, so the format is testable without a terminal.
 */
export function formatProgress(
  done: number,
  total: number,
  elapsedMs: number,
  width: number,
  label = 'scenarios',
): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const cells = Math.max(0, Math.floor(width));
  const filled = Math.floor(fraction * cells);
  const bar = '#'.repeat(filled) + '.'.repeat(cells - filled);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = done >= total ? '0s' : rate > 0 ? formatDuration((total - done) / rate) : '?';
  return `${label} ${done}/${total} [${bar}] ${Math.floor(fraction * 100)}% ${formatRate(rate)}/s ETA ${eta}`;
}

function formatRate(rate: number): string {
  return rate >= 10 || rate === 0 ? String(Math.round(rate)) : rate.toFixed(1);
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export interface ProgressOptions {
  total: number;
  /** Defaults to stderr: stdout carries only NDJSON. */
  stream?: NodeJS.WriteStream;
  /** Defaults to whether the stream is a terminal: logs and CI output get no `\r` noise. */
  enabled?: boolean;
  label?: string;
}

/** A one-line progress bar redrawn in place with `\r`, and cleared when the run is done. */
export class Progress {
  private readonly total: number;
  private readonly stream: NodeJS.WriteStream;
  private readonly label: string;
  private enabled: boolean;
  private count = 0;
  private readonly startedAt = performance.now();
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(opts: ProgressOptions) {
    this.total = opts.total;
    this.stream = opts.stream ?? process.stderr;
    this.enabled = opts.enabled ?? this.stream.isTTY === true;
    this.label = opts.label ?? 'scenarios';
  }

  tick(n = 1): void {
    this.count += n;
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    const line = formatProgress(this.count, this.total, now - this.startedAt, this.barWidth(), this.label);
    this.stream.write(`\r${line}\x1b[K`);
  }

  /** Clears the line so later stderr output starts clean; further ticks draw nothing. */
  done(): void {
    if (this.enabled && this.drawn) this.stream.write('\r\x1b[K');
    this.enabled = false;
  }

  /** Leaves room for the text around the bar (~50 columns) so the line never wraps. */
  private barWidth(): number {
    const columns = this.stream.columns ?? 80;
    return Math.max(5, Math.min(30, columns - 50 - this.label.length));
  }
}
