/**
 * The kinds of failure unit, in one table: the id prefix of each unit (`kind:name`) and the transport a pair's
 * paths cross when they cross it (analysis/asymmetry.ts tells ExpressRoute from VPN by it). Units inside Azure
 * (a peering, an appliance instance, a Route Server peering) cross no transport.
 */
export type Transport = 'expressroute' | 'vpn';

export const UNIT_KINDS = {
  peering: { transport: null },
  vpn: { transport: 'vpn' },
  'er-link': { transport: 'expressroute' },
  'er-conn': { transport: 'expressroute' },
  'global-reach': { transport: 'expressroute' },
  /** A network virtual appliance instance. */
  nva: { transport: null },
  /** A Route Server's BGP connection to an appliance instance. */
  'rs-peer': { transport: null },
} as const satisfies Record<string, { transport: Transport | null }>;

export type UnitKind = keyof typeof UNIT_KINDS;

/** `peering:, vpn:, ...`: how ids look, for hints. */
export const UNIT_ID_PREFIXES = Object.keys(UNIT_KINDS).map((k) => `${k}:`).join(', ');
