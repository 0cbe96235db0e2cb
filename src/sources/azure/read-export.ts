import { childPath, error, type Issue } from '../../model/issue.js';
import { field, idKey, isObject, lastSegment, text, type JsonObject } from './fields.js';

/** One ARM resource from an export, whatever shape it came in. */
export interface AzureResource {
  id: string;
  /** idKey(id): what references are resolved by. */
  key: string;
  /** Lower-cased (Resource Graph writes microsoft.network/virtualnetworks). */
  type: string;
  name: string;
  /** The object as it appears in the export. */
  raw: JsonObject;
  file: string;
}

export interface ExportRead {
  resources: AzureResource[];
  issues: Issue[];
}

const SHAPES_HINT =
  'give the output of az graph query ({"count": ..., "data": [...]}), an ARM REST response ({"value": [...]} or one ' +
  'resource), or az network ... list|show -o json';

/**
 * The resources in one parsed JSON file, in any of the shapes users get: Azure Resource Graph output
 * (`{"count", "data": [rows]}`, or the rows alone), an ARM REST list (`{"value": [...]}`; nextLink is ignored:
 * fetch every page into its own file) or one resource, and `az network` output (one resource or a list).
 */
export function readAzureExport(value: unknown, file: string): ExportRead {
  const located = rows(value);
  if (located === undefined) {
    return { resources: [], issues: [error('$', 'not an Azure resource export', SHAPES_HINT)] };
  }
  const resources: AzureResource[] = [];
  const issues: Issue[] = [];
  located.items.forEach((row, index) => {
    const path = located.single ? '$' : childPath(located.path, index);
    const resource = isObject(row) ? toResource(row, file) : undefined;
    if (resource) resources.push(resource);
    else issues.push(error(path, 'not an Azure resource: it needs a string "id" (and "type", unless the id names it)', 'export whole resources (in az graph query, keep id, name, type and properties)'));
  });
  return { resources, issues };
}

/**
 * An ARM id names its type: `/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/
 * virtualNetworkPeerings/p` is Microsoft.Network/virtualNetworks/virtualNetworkPeerings. Some REST responses (a
 * peering's GET) carry no `type` field.
 */
function typeFromId(id: string): string | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return undefined;
  const [namespace, ...rest] = id.slice(at + '/providers/'.length).split('/');
  const types = rest.filter((_, i) => i % 2 === 0);
  return namespace && types.length > 0 && rest.length % 2 === 0 ? [namespace, ...types].join('/') : undefined;
}

function rows(value: unknown): { items: unknown[]; path: string; single: boolean } | undefined {
  if (Array.isArray(value)) return { items: value, path: '$', single: false };
  if (!isObject(value)) return undefined;
  const data = field(value, 'data');
  if (Array.isArray(data)) return { items: data, path: '$.data', single: false };
  const list = field(value, 'value');
  if (Array.isArray(list)) return { items: list, path: '$.value', single: false };
  const id = text(value, 'id');
  if (id !== undefined && (text(value, 'type') ?? typeFromId(id)) !== undefined) return { items: [value], path: '$', single: true };
  return undefined;
}

function toResource(raw: JsonObject, file: string): AzureResource | undefined {
  const id = text(raw, 'id');
  const type = id === undefined ? undefined : text(raw, 'type') ?? typeFromId(id);
  if (id === undefined || type === undefined) return undefined;
  return { id, key: idKey(id), type: type.toLowerCase(), name: text(raw, 'name') ?? lastSegment(id), raw, file };
}
