/**
 * The kinds of failure unit, in one table: the id prefix of each unit (`kind:name`) and the transport a pair's
 * paths cross when they cross it (analysis/asymmetry.ts tells ExpressRoute from VPN by it). Units inside Azure
 * (a peering, an appliance instance, a Route Server peering) cross no transport.
 */
export type Transport = 'expressroute' | 'vpn';

export const UNIT_KINDS = {
  peering: { what: 'VNet peering', transport: null },
  vpn: { what: 'VPN tunnel', transport: 'vpn' },
  'er-link': { what: 'ExpressRoute link', transport: 'expressroute' },
  'er-conn': { what: 'ExpressRoute connection', transport: 'expressroute' },
  'global-reach': { what: 'Global Reach connection', transport: 'expressroute' },
  nva: { what: 'network virtual appliance instance', transport: null },
  'rs-peer': { what: 'Route Server peering', transport: null },
} as const satisfies Record<string, { what: string; transport: Transport | null }>;

export type UnitKind = keyof typeof UNIT_KINDS;

/** `peering:, vpn:, ...`: how ids look, for hints. */
export const UNIT_ID_PREFIXES = Object.keys(UNIT_KINDS).map((k) => `${k}:`).join(', ');
