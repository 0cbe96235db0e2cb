import fs from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

export interface AtomicFile {
  /** Write here; nothing appears under the final name until `commit()`. */
  readonly stream: fs.WriteStream;
  /** Ends the stream, fsyncs the data and renames the temp file onto the final path. */
  commit(): Promise<void>;
  /** Ends the stream and removes the temp file; the final path is left as it was. */
  abort(): Promise<void>;
}

/**
 * Opens `path` for writing through a temp file in the same directory (same file system, so the rename is
 * atomic): a crash or an aborted run never leaves a half-written file under the final name, and a file that
 * was already there stays intact until commit.
 */
export function openAtomicFile(path: string): AtomicFile {
  const dir = dirname(path);
  fs.mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  const stream = fs.createWriteStream(temp);
  let state: 'open' | 'committed' | 'aborted' = 'open';

  return {
    stream,
    async commit() {
      if (state !== 'open') throw new Error(`atomic file ${path} was already ${state}`);
      stream.end();
      await finished(stream); // waits for 'close', so the stream's fd is released
      // fsync is per file, not per descriptor: a fresh descriptor flushes what the stream wrote.
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
      state = 'committed';
      await syncDirectory(dir);
    },
    async abort() {
      if (state !== 'open') return;
      state = 'aborted';
      stream.destroy();
      await finished(stream).catch(() => undefined); // a premature close is the point here
      await rm(temp, { force: true });
    },
  };
}

/** Makes the rename itself durable; best effort, as some platforms cannot open a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // the data is safe either way; only the directory entry might lag behind a power loss
  }
}
