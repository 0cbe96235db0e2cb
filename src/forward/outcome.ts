/**
 * Flow dispositions, in Batfish's vocabulary where it has one. Their order is the code stored in verdict
 * tables: 0 is the one success, everything after it a failure. EXITS_NETWORK: sent to the Internet (a route
 * with next hop Internet), out of the private network the sites live in.
 */
export const OUTCOMES = ['DELIVERED', 'DELIVERED_ELSEWHERE', 'NO_ROUTE', 'NULL_ROUTED', 'LOOP', 'EXITS_NETWORK'] as const;

export type Outcome = (typeof OUTCOMES)[number];

export const DELIVERED = 0;
export const DELIVERED_ELSEWHERE = 1;
export const NO_ROUTE = 2;
export const NULL_ROUTED = 3;
export const LOOP = 4;
export const EXITS_NETWORK = 5;
