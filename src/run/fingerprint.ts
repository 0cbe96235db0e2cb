import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledTopology } from '../model/compiled.js';
import { packageRoot } from '../model/package-root.js';

/**
 * What makes two runs' records fit together: this version of whatif, the compiled topology, and every option
 * that changes what is written. Shards of one run share it; `whatif merge` refuses pieces that do not.
 */
export function runFingerprint(topology: CompiledTopology, options: Record<string, unknown>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ whatif: packageVersion(), options }));
  hash.update(JSON.stringify(topology));
  return `sha256:${hash.digest('hex')}`;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
