import { join } from 'node:path';
import { packageRoot } from './package-root.js';

/** scenarios/azure-interop.json of this package. */
export function defaultTopologyPath(): string {
  return join(packageRoot(), 'scenarios', 'azure-interop.json');
}
