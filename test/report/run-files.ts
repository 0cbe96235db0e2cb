import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { whatif } from '../cli-process.js';

export const tmp = mkdtempSync(join(tmpdir(), 'whatif-report-'));

export function write(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the built CLI and keeps its NDJSON in a temp file; a failed run fails the test with its stderr. */
export function runToFile(name: string, args: string[]): string {
  const r = whatif([...args, '--workers', '2']);
  if (r.status !== 0) throw new Error(`whatif ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return write(name, r.stdout);
}

/** Every string in every record with `from` replaced: renames a site (and the ids built from it) in a run. */
export function renameInRun(ndjson: string, from: string, to: string): string {
  const rename = (v: unknown): unknown => {
    if (typeof v === 'string') return v.split(from).join(to);
    if (Array.isArray(v)) return v.map(rename);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x)]));
    return v;
  };
  return ndjson.trimEnd().split('\n').map((line) => JSON.stringify(rename(JSON.parse(line)))).join('\n') + '\n';
}
