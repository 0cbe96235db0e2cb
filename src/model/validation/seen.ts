/**
 * Many rules say "one X per Y": one route per prefix, one peering per pair of VNets, one primary link per
 * circuit. Such duplicates are reported at the second X, naming where the first one is.
 */

/** Remembers the first value given for each key, and returns it when the key comes again (else undefined). */
export function firstSeen<T = string>(): (key: string, value: T) => T | undefined {
  const first = new Map<string, T>();
  return (key, value) => {
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, value);
    return earlier;
  };
}

/** One key for both orders of a pair: a peering of a and b is one of b and a. */
export function pairKey(a: string, b: string): string {
  return [a, b].sort().join('\u0000');
}
