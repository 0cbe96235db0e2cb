import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

export interface PoolOptions {
  workers: number;
  /** What every worker receives once at start-up; typed arrays over SharedArrayBuffers are shared, not copied. */
  workerData: unknown;
  /** Worker script; defaults to workers/scenario-worker. Tests pass their own. */
  filename?: string | undefined;
}

/**
 * A Piscina pool that moves msgpack bytes both ways. A task whose worker throws or dies is retried once
 * (Piscina replaces a dead worker); a second failure rejects, and the caller decides what to report.
 */
export class WorkerPool {
  private readonly piscina: Piscina;

  constructor(options: PoolOptions) {
    const filename = options.filename ?? defaultWorkerFile();
    this.piscina = new Piscina({
      filename,
      minThreads: options.workers,
      maxThreads: options.workers,
      idleTimeout: Infinity,
      workerData: options.workerData,
      // Under vitest the sources are TypeScript: let the worker load them through tsx. Process-wide flags
      // (--max-old-space-size...) are not valid per worker, so nothing else is passed on.
      execArgv: filename.endsWith('.ts') ? ['--import', 'tsx'] : [],
    });
  }

  async run(task: Uint8Array): Promise<Uint8Array> {
    try {
      return await this.once(task);
    } catch {
      return this.once(task);
    }
  }

  private async once(task: Uint8Array): Promise<Uint8Array> {
    // A fresh copy per attempt: transferring detaches it, and a retry needs the bytes again.
    const bytes = task.slice();
    const result: unknown = await this.piscina.run(bytes, { transferList: [bytes.buffer] });
    return result as Uint8Array;
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

function defaultWorkerFile(): string {
  const here = import.meta.url;
  const extension = here.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`../../workers/scenario-worker${extension}`, here));
}
