import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { NdjsonSink } from '../../src/output/ndjson-sink.js';

const epipe = (): Error => Object.assign(new Error('EPIPE'), { code: 'EPIPE' });

/**
 * A reader slower than the producer: small buffer, every batch acknowledged on a later turn of the event
 * loop, every 8th one on a timer (a timer per batch would make the test take ~10 s for no extra coverage).
 */
function slowReader(highWaterMark: number, onLine: (line: string) => void): Writable {
  let batches = 0;
  return new Writable({
    highWaterMark,
    decodeStrings: false,
    writev(chunks, cb) {
      const ack = (): void => {
        for (const { chunk } of chunks) onLine(String(chunk));
        cb();
      };
      if (++batches % 8 === 0) setTimeout(ack, 1);
      else setImmediate(ack);
    },
  });
}

/** Collects everything written, acknowledging at once. */
function collector(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

describe('NdjsonSink', () => {
  it('delivers 200k records in order while the producer waits for a slow reader', async () => {
    const hwm = 4096;
    let expected = 0;
    let bad = 0;
    // Lines are checked as they arrive rather than kept, so the heap measures the sink, not the test.
    const stream = slowReader(hwm, (line) => {
      const rec = JSON.parse(line) as { seq: number };
      if (!line.endsWith('\n') || line.indexOf('\n') !== line.length - 1 || rec.seq !== expected) bad++;
      expected++;
    });
    const sink = new NdjsonSink(stream);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let maxBuffered = 0;

    for (let seq = 0; seq < 200_000; seq++) {
      await sink.write({ type: 'pair', seq, src: 'onprem1', dst: 'spoke', paths: [['er-link:er1-primary']] });
      maxBuffered = Math.max(maxBuffered, stream.writableLength);
    }
    await sink.end();

    expect(expected).toBe(200_000);
    expect(bad).toBe(0);
    // The producer only ever got one record past the high-water mark before it had to wait.
    expect(maxBuffered).toBeLessThan(hwm + 200);
    if (gc) {
      gc();
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(16 * 1024 * 1024);
    }
  }, 60_000);

  it('resolves write at once when the stream accepts the line', async () => {
    const { stream, text } = collector();
    const sink = new NdjsonSink(stream);
    await sink.write({ a: 1 });
    await sink.write({ b: 'x\ny' });
    await sink.end();
    expect(text()).toBe('{"a":1}\n{"b":"x\\ny"}\n');
    expect(sink.closed).toBe(true);
  });

  it('rejects a BigInt with a clear TypeError before writing anything', async () => {
    const { stream, text } = collector();
    const sink = new NdjsonSink(stream);
    expect(() => sink.write({ type: 'run', asns: [65021, 12076n] })).toThrow(TypeError);
    expect(() => sink.write({ type: 'run', asns: [65021, 12076n] })).toThrow(/BigInt at \$\.asns\[1\]/);
    await sink.write({ ok: true });
    await sink.end();
    expect(text()).toBe('{"ok":true}\n');
  });

  it('closes quietly on EPIPE, calls onClosed once, and turns later writes into no-ops', async () => {
    const written: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        written.push(String(chunk));
        cb(epipe());
      },
    });
    const sink = new NdjsonSink(stream);
    const onClosed = vi.fn();
    sink.onClosed(onClosed);

    await sink.write({ n: 1 });
    await new Promise((r) => setImmediate(r));
    expect(sink.closed).toBe(true);
    expect(onClosed).toHaveBeenCalledTimes(1);

    await sink.write({ n: 2 });
    await sink.write({ n: 3 });
    await sink.end();
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual(['{"n":1}\n']);
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('releases a producer waiting for drain when the reader goes away', async () => {
    const stream = new Writable({ highWaterMark: 1, write: () => undefined }); // never acknowledges
    const sink = new NdjsonSink(stream);
    const onClosed = vi.fn();
    sink.onClosed(onClosed);
    const waiting = sink.write({ n: 1 });
    stream.destroy(epipe());
    await waiting;
    expect(sink.closed).toBe(true);
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('surfaces a real I/O error on the next write instead of swallowing it', async () => {
    const stream = new Writable({
      write(_chunk, _enc, cb) {
        cb(Object.assign(new Error('no space left'), { code: 'ENOSPC' }));
      },
    });
    const sink = new NdjsonSink(stream);
    const onClosed = vi.fn();
    sink.onClosed(onClosed);
    await sink.write({ n: 1 });
    await new Promise((r) => setImmediate(r));
    await expect(sink.write({ n: 2 })).rejects.toThrow('no space left');
    await expect(sink.end()).rejects.toThrow('no space left');
    expect(onClosed).not.toHaveBeenCalled();
  });
});
