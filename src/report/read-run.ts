import { createReadStream } from 'node:fs';
import ndjson from 'ndjson';
import { DigestBuilder, ReportInputError } from './digest-builder.js';
import type { RunDigest } from './digest.js';

/**
 * Streams a run file into a RunDigest: records are folded one at a time, so a run with millions of pair
 * records costs no more memory than its summary. Anything unreadable rejects with a ReportInputError.
 */
export function readRun(file: string): Promise<RunDigest> {
  return new Promise((resolve, reject) => {
    const builder = new DigestBuilder(file);
    const source = createReadStream(file);
    const parser = ndjson.parse();
    let settled = false;
    let records = 0;
    const stop = (error: Error): void => {
      if (settled) return;
      settled = true;
      source.destroy();
      parser.destroy();
      reject(error);
    };
    source.on('error', (error: NodeJS.ErrnoException) => {
      stop(new ReportInputError(`${file}: cannot read the run file: ${error.code === 'ENOENT' ? 'no such file' : error.message}`));
    });
    // ndjson reports a bad line as "Could not parse row <first 50 characters>...".
    parser.on('error', (error: Error) => {
      stop(new ReportInputError(`${file}: record ${records + 1} is not JSON (${error.message}): is this a whatif run (NDJSON), complete and not cut short?`));
    });
    parser.on('data', (value: unknown) => {
      if (settled) return;
      records++;
      try {
        builder.add(value);
      } catch (error) {
        stop(error as Error);
      }
    });
    parser.on('end', () => {
      if (settled) return;
      settled = true;
      try {
        resolve(builder.finish());
      } catch (error) {
        reject(error as Error);
      }
    });
    source.pipe(parser);
  });
}
