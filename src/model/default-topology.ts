import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** scenarios/azure-interop.json of this package, found from wherever the code runs (src/ or dist/src/). */
export function defaultTopologyPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'scenarios', 'azure-interop.json');
}
