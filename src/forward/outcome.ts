/**
 * Flow dispositions, in Batfish's vocabulary where it has one. Their order is the code stored in verdict
 * tables: 0 is the one success, everything after it a failure.
 */
export const OUTCOMES = ['DELIVERED', 'DELIVERED_ELSEWHERE', 'NO_ROUTE', 'NULL_ROUTED', 'LOOP'] as const;

export type Outcome = (typeof OUTCOMES)[number];

export const DELIVERED = 0;
export const DELIVERED_ELSEWHERE = 1;
export const NO_ROUTE = 2;
export const NULL_ROUTED = 3;
export const LOOP = 4;
