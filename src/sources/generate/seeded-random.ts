/**
 * A small seeded PRNG (mulberry32): 32-bit state, fast, deterministic. Used where "random" must give the same
 * answer every run: the topology generator, the trie's property tests and benchmark inputs.
 * Returns uint32 values; divide by 2^32 for [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
