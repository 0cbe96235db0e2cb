/**
 * The default routes Azure gives every subnet (virtual-networks-udr-overview, "Default"): 0.0.0.0/0 to the
 * Internet, and a None route for each range reserved for private use, which drops traffic to an address in them
 * that no more specific route knows.
 */
export const INTERNET_PREFIX = '0.0.0.0/0';

/** 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16 (RFC 1918), 100.64.0.0/10 (RFC 6598). */
export const RESERVED_PREFIXES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];
