/**
 * Reading ARM JSON in the shapes users have: REST responses and Azure Resource Graph rows keep a resource's
 * settings under `properties`; `az network ... -o json` lifts them to the top level. And field names are not
 * stable in case: older `az` releases write peerASN as peerAsn and privateIPAddress as privateIpAddress. So
 * settings are read through settings(), and every field is found ignoring case.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of a field, whatever the case of its name. */
export function field(o: JsonObject, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
}

/** A resource's or sub-resource's settings: `properties` when it has them nested, else the object itself. */
export function settings(o: JsonObject): JsonObject {
  const nested = field(o, 'properties');
  return isObject(nested) ? nested : o;
}

export function text(o: JsonObject, name: string): string | undefined {
  const v = field(o, name);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function number(o: JsonObject, name: string): number | undefined {
  const v = field(o, name);
  return typeof v === 'number' ? v : undefined;
}

export function flag(o: JsonObject, name: string): boolean | undefined {
  const v = field(o, name);
  return typeof v === 'boolean' ? v : undefined;
}

export function object(o: JsonObject, name: string): JsonObject | undefined {
  const v = field(o, name);
  return isObject(v) ? v : undefined;
}

/** The objects of an array field; anything else in it is left out. */
export function objects(o: JsonObject, name: string): JsonObject[] {
  const v = field(o, name);
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** The strings of an array field. */
export function texts(o: JsonObject, name: string): string[] {
  const v = field(o, name);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The id of a reference field (`"subnet": {"id": "/subscriptions/..."}`). */
export function refId(o: JsonObject, name: string): string | undefined {
  const ref = object(o, name);
  return ref === undefined ? undefined : text(ref, 'id');
}

/**
 * The form of an ARM id to compare by: Resource Graph lower-cases some segments that REST keeps (resource
 * groups, provider types), and references written by people or templates vary too.
 */
export function idKey(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '');
}

/** The id of the resource that holds a child: `.../virtualNetworks/hub/subnets/GatewaySubnet` -> `.../virtualNetworks/hub`. */
export function parentId(id: string): string {
  return id.replace(/\/+$/, '').split('/').slice(0, -2).join('/');
}

/** The last segment of an id: the resource's name. */
export function lastSegment(id: string): string {
  return id.replace(/\/+$/, '').split('/').at(-1) ?? id;
}
