import type { SourceRef } from '../findings.js';
import type { AzureResource } from './read-export.js';

/** A resource as a place in the input: its file and id. */
export function at(r: AzureResource): SourceRef {
  return { file: r.file, path: r.id };
}
