/**
 * AS paths, interned: an equal path is the same (frozen) array wherever it appears. Every session of an
 * estate re-advertises a few thousand distinct paths for thousands of prefixes; sharing them keeps the
 * routing state small, makes `sameAsPath` mostly an identity check, and lets the baseline's packing look
 * paths up by identity.
 */
export type AsPath = readonly number[];

export const EMPTY_AS_PATH: AsPath = Object.freeze([]);

/** Per path: the paths one ASN longer, by that ASN in front. */
const longer = new WeakMap<AsPath, Map<number, AsPath>>();

/** `path` with `asn` in front, `times` times (a prepend policy adds more than one). */
export function prependAsn(path: AsPath, asn: number, times = 1): AsPath {
  let result = path;
  for (let i = 0; i < times; i++) {
    let byAsn = longer.get(result);
    if (!byAsn) longer.set(result, (byAsn = new Map()));
    let next = byAsn.get(asn);
    if (!next) byAsn.set(asn, (next = Object.freeze([asn, ...result])));
    result = next;
  }
  return result;
}

/** `path` without any occurrence of `asn`, interned like every other path. */
export function withoutAsn(path: AsPath, asn: number): AsPath {
  if (!path.includes(asn)) return path;
  return path.filter((a) => a !== asn).reduceRight<AsPath>((tail, a) => prependAsn(tail, a), EMPTY_AS_PATH);
}
