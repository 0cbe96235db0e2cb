import type { CeRouter, OnPremSite, Topology, VnetSite } from '../topology.js';

/**
 * What the semantic checks are given: the file once the structural pass has removed every value of the wrong
 * shape (see sanitize.ts). Any field may then be missing, which these types say, so the checks must look before
 * they use a value.
 */

/** A type whose every field may be missing, down to the items of its lists. */
type Loose<T> = T extends readonly (infer U)[]
  ? (Loose<U> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Loose<T[K]> }
    : T;

export type LooseTopology = Loose<Topology>;
export type LooseVnet = Loose<VnetSite>;
export type LooseOnPrem = Loose<OnPremSite>;
export type LooseCe = Loose<CeRouter>;
export type LooseVpnConnection = NonNullable<LooseTopology['vpnConnections']>[number] & object;

/** A JSON object: not null, not an array. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
