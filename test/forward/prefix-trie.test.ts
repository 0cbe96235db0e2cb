import { describe, expect, it } from 'vitest';
import { MAX_MATCHES, PrefixTrie } from '../../src/forward/prefix-trie.js';
import { containsAddress, type Prefix } from '../../src/model/prefix.js';
import { mulberry32 } from '../../src/sources/generate/seeded-random.js';

/** Dotted quad to uint32, kept local so the expectations do not depend on the parser under test elsewhere. */
function ip(text: string): number {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) throw new Error(`bad ip ${text}`);
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function pfx(text: string): Prefix {
  const [addr, len] = text.split('/');
  return { net: ip(addr!), len: Number(len) };
}

function all(trie: PrefixTrie, addr: number): number[] {
  const out = new Int32Array(MAX_MATCHES);
  const n = trie.matchAll(addr, out);
  return Array.from(out.subarray(0, n));
}

describe('PrefixTrie: hand-written cases', () => {
  const routes = [
    '10.0.0.0/8', //      0
    '10.2.0.0/16', //     1
    '10.2.30.0/25', //    2
    '0.0.0.0/0', //       3 default route
    '192.168.1.1/32', //  4 host
    '10.2.30.128/25', //  5 sibling of 2
    '10.2.0.0/16', //     6 duplicate of 1: 1 wins
    '255.255.255.255/32', // 7 the all-ones host
    '172.16.0.0/12', //   8
  ].map(pfx);
  const trie = PrefixTrie.build(routes);

  it('counts distinct prefixes', () => {
    expect(trie.size).toBe(8);
    // Every distinct prefix adds at most a leaf and a glue node, plus the root.
    expect(trie.nodeCount).toBeLessThanOrEqual(2 * trie.size + 1);
  });

  it.each([
    // nested: the most specific containing prefix wins
    ['10.2.30.5', 2],
    ['10.2.30.0', 2],
    ['10.2.30.127', 2], // last address of the lower /25
    ['10.2.30.128', 5], // first address of its sibling
    ['10.2.30.255', 5],
    ['10.2.31.0', 1], // just past both /25s
    ['10.2.29.255', 1], // just before them
    ['10.2.255.255', 1], // last address of the /16
    ['10.3.0.0', 0], // just past the /16
    ['10.1.255.255', 0], // just before it
    ['10.255.255.255', 0], // last address of the /8
    ['11.0.0.0', 3], // just past the /8: only the default route
    ['9.255.255.255', 3], // just before it
    ['0.0.0.0', 3],
    ['192.168.1.1', 4], // the /32 host
    ['192.168.1.0', 3], // its neighbours are not in it
    ['192.168.1.2', 3],
    ['255.255.255.255', 7], // all-ones host
    ['255.255.255.254', 3],
    ['172.16.0.0', 8],
    ['172.31.255.255', 8], // last address of the /12
    ['172.32.0.0', 3], // just past it
    ['172.15.255.255', 3], // just before it
  ])('longestMatch(%s) = %i', (addr, expected) => {
    expect(trie.longestMatch(ip(addr))).toBe(expected);
  });

  it.each([
    ['10.2.30.5', [2, 1, 0, 3]],
    ['10.2.30.200', [5, 1, 0, 3]],
    ['10.2.31.0', [1, 0, 3]],
    ['10.3.0.0', [0, 3]],
    ['192.168.1.1', [4, 3]],
    ['255.255.255.255', [7, 3]],
    ['8.8.8.8', [3]],
  ])('matchAll(%s) = %j, most specific first', (addr, expected) => {
    expect(all(trie, ip(addr))).toEqual(expected);
  });

  it('accepts the signed int32 view of an address', () => {
    expect(trie.longestMatch(-1)).toBe(7);
    expect(trie.longestMatch(ip('192.168.1.1') | 0)).toBe(4);
    expect(all(trie, -1)).toEqual([7, 3]);
  });

  it('answers -1 where nothing matches, without a default route', () => {
    const t = PrefixTrie.build([pfx('10.0.0.0/8'), pfx('10.2.0.0/16')]);
    expect(t.longestMatch(ip('11.0.0.0'))).toBe(-1);
    expect(t.longestMatch(ip('9.255.255.255'))).toBe(-1);
    expect(t.longestMatch(0)).toBe(-1);
    expect(t.longestMatch(0xffffffff)).toBe(-1);
    expect(all(t, ip('11.0.0.0'))).toEqual([]);
    expect(all(t, ip('10.2.0.1'))).toEqual([1, 0]);
  });

  it('handles the empty trie', () => {
    const t = PrefixTrie.build([]);
    expect(t.size).toBe(0);
    expect(t.nodeCount).toBe(1); // the root always exists
    expect(t.longestMatch(0)).toBe(-1);
    expect(t.longestMatch(0xffffffff)).toBe(-1);
    expect(t.matchAll(ip('10.0.0.1'), new Int32Array(MAX_MATCHES))).toBe(0);
  });

  it('handles a lone default route', () => {
    const t = PrefixTrie.build([pfx('0.0.0.0/0')]);
    expect(t.size).toBe(1);
    expect(t.nodeCount).toBe(1); // stored on the root itself
    for (const a of [0, 1, 0x7fffffff, 0x80000000, 0xffffffff]) expect(t.longestMatch(a)).toBe(0);
  });

  it('keeps the first index of duplicates', () => {
    const t = PrefixTrie.build([pfx('10.0.0.0/8'), pfx('0.0.0.0/0'), pfx('10.0.0.0/8'), pfx('0.0.0.0/0')]);
    expect(t.size).toBe(2);
    expect(t.longestMatch(ip('10.1.1.1'))).toBe(0);
    expect(all(t, ip('10.1.1.1'))).toEqual([0, 1]);
  });

  it('fills a glue node when its exact prefix arrives later', () => {
    // 10.0/16 and 10.1/16 diverge at bit 15: the trie makes a valueless 10.0.0.0/15 to branch there.
    const t = PrefixTrie.build([pfx('10.0.0.0/16'), pfx('10.1.0.0/16'), pfx('10.0.0.0/15'), pfx('10.0.0.0/15')]);
    expect(t.size).toBe(3);
    expect(t.nodeCount).toBe(4); // root, glue-turned-prefix /15, two /16s
    expect(all(t, ip('10.1.5.5'))).toEqual([1, 2]);
    expect(all(t, ip('10.0.5.5'))).toEqual([0, 2]);
    expect(t.longestMatch(ip('10.2.0.0'))).toBe(-1);
  });

  it('inserts a shorter prefix above an existing longer one', () => {
    const t = PrefixTrie.build([pfx('10.2.30.0/25'), pfx('10.0.0.0/8')]);
    expect(t.longestMatch(ip('10.2.30.1'))).toBe(0);
    expect(t.longestMatch(ip('10.5.0.0'))).toBe(1);
    expect(all(t, ip('10.2.30.1'))).toEqual([0, 1]);
  });

  it('separates siblings at /1 and at /32', () => {
    const t = PrefixTrie.build([pfx('0.0.0.0/1'), pfx('128.0.0.0/1'), pfx('0.0.0.0/32'), pfx('0.0.0.1/32')]);
    expect(t.longestMatch(ip('127.255.255.255'))).toBe(0);
    expect(t.longestMatch(ip('128.0.0.0'))).toBe(1);
    expect(t.longestMatch(0xffffffff)).toBe(1);
    expect(t.longestMatch(0)).toBe(2);
    expect(t.longestMatch(1)).toBe(3);
    expect(t.longestMatch(2)).toBe(0);
  });

  it('rejects invalid prefixes', () => {
    expect(() => PrefixTrie.build([pfx('10.0.0.1/8')])).toThrow(RangeError); // host bits set
    expect(() => PrefixTrie.build([{ net: 0, len: 33 }])).toThrow(RangeError);
    expect(() => PrefixTrie.build([{ net: 0, len: -1 }])).toThrow(RangeError);
    expect(() => PrefixTrie.build([{ net: 2 ** 32, len: 32 }])).toThrow(RangeError);
  });

  it('refuses an output buffer too small for the matches', () => {
    expect(() => trie.matchAll(ip('10.2.30.5'), new Int32Array(3))).toThrow(RangeError);
    expect(trie.matchAll(ip('10.2.30.5'), new Int32Array(4))).toBe(4);
  });
});


function maskTo(addr: number, len: number): number {
  return len === 0 ? 0 : (addr & (-1 << (32 - len))) >>> 0;
}

/** Random prefixes clustered around a few bases so that nesting, siblings and duplicates are common. */
function randomPrefixes(next: () => number, count: number, bases: number[]): Prefix[] {
  const out: Prefix[] = [];
  for (let i = 0; i < count; i++) {
    const r = next() % 10;
    if (r === 0 && out.length > 0) {
      out.push(out[next() % out.length]!); // duplicate
      continue;
    }
    const base = r < 8 ? bases[next() % bases.length]! : next();
    // flip one random bit now and then to make near-siblings
    const addr = next() % 3 === 0 ? (base ^ (1 << (next() % 32))) >>> 0 : base;
    const len = next() % 33;
    out.push({ net: maskTo(addr, len), len });
  }
  return out;
}

function randomAddress(next: () => number, bases: number[]): number {
  const r = next() % 4;
  if (r === 3) return next();
  const base = bases[next() % bases.length]!;
  // keep a random number of leading bits of a base, randomise the rest
  const keep = next() % 33;
  const low = keep === 32 ? 0 : next() >>> keep;
  return (maskTo(base, keep) | low) >>> 0;
}

function naiveLongest(prefixes: readonly Prefix[], addr: number): number {
  let best = -1;
  let bestLen = -1;
  for (let i = 0; i < prefixes.length; i++) {
    const p = prefixes[i]!;
    // strictly longer: among duplicates the first index wins
    if (p.len > bestLen && containsAddress(p, addr)) {
      best = i;
      bestLen = p.len;
    }
  }
  return best;
}

/** firstIndex[i] = index of the first prefix equal to prefixes[i]. */
function firstIndices(prefixes: readonly Prefix[]): number[] {
  const seen = new Map<string, number>();
  return prefixes.map((p, i) => {
    const k = `${p.net}/${p.len}`;
    const first = seen.get(k);
    if (first !== undefined) return first;
    seen.set(k, i);
    return i;
  });
}

function naiveAll(prefixes: readonly Prefix[], firstIndex: readonly number[], addr: number): number[] {
  const hits: number[] = [];
  for (let i = 0; i < prefixes.length; i++) {
    if (firstIndex[i] === i && containsAddress(prefixes[i]!, addr)) hits.push(i);
  }
  // distinct containing prefixes have distinct lengths, so this order is total
  return hits.sort((a, b) => prefixes[b]!.len - prefixes[a]!.len);
}

describe('PrefixTrie: property test against a linear scan', () => {
  for (const seed of [1, 42, 0xdeadbeef]) {
    it(`agrees on 4000 prefixes and 4000 addresses (seed ${seed})`, () => {
      const next = mulberry32(seed);
      const bases = Array.from({ length: 12 }, () => next());
      bases.push(0, 0xffffffff); // the edges of the address space
      const prefixes = randomPrefixes(next, 4000, bases);
      const trie = PrefixTrie.build(prefixes);
      const firstIndex = firstIndices(prefixes);
      expect(trie.size).toBe(new Set(firstIndex).size);
      expect(trie.nodeCount).toBeLessThanOrEqual(2 * trie.size + 1);

      const out = new Int32Array(MAX_MATCHES);
      let matched = 0;
      for (let i = 0; i < 4000; i++) {
        const addr = randomAddress(next, bases);
        const want = naiveLongest(prefixes, addr);
        expect(trie.longestMatch(addr), `longestMatch(${addr})`).toBe(want);
        const n = trie.matchAll(addr, out);
        expect(Array.from(out.subarray(0, n)), `matchAll(${addr})`).toEqual(naiveAll(prefixes, firstIndex, addr));
        if (n > 1) matched++;
      }
      // the clustering must actually produce nested matches, or the test proves little
      expect(matched).toBeGreaterThan(1000);
    });
  }
});

describe('PrefixTrie: toArrays / fromArrays', () => {
  const next = mulberry32(7);
  const bases = Array.from({ length: 8 }, () => next());
  const prefixes = randomPrefixes(next, 2000, bases);
  const trie = PrefixTrie.build(prefixes);

  it('round-trips through structured clone with identical answers', () => {
    // structuredClone is what postMessage does to the arrays on the way to a worker.
    const copy = PrefixTrie.fromArrays(structuredClone(trie.toArrays()));
    expect(copy.size).toBe(trie.size);
    expect(copy.nodeCount).toBe(trie.nodeCount);
    const a = new Int32Array(MAX_MATCHES);
    const b = new Int32Array(MAX_MATCHES);
    for (let i = 0; i < 2000; i++) {
      const addr = randomAddress(next, bases);
      expect(copy.longestMatch(addr)).toBe(trie.longestMatch(addr));
      const n = trie.matchAll(addr, a);
      expect(copy.matchAll(addr, b)).toBe(n);
      expect(b.subarray(0, n)).toEqual(a.subarray(0, n));
    }
  });

  it('keeps trimmed arrays of consistent lengths', () => {
    const arr = trie.toArrays();
    expect(arr.keys.length).toBe(trie.nodeCount);
    expect(arr.lens.length).toBe(trie.nodeCount);
    expect(arr.values.length).toBe(trie.nodeCount);
    expect(arr.children.length).toBe(2 * trie.nodeCount);
    expect(arr.keys.buffer.byteLength).toBe(4 * trie.nodeCount); // trimmed, not a view of a larger buffer
  });

  it('rejects arrays that break the invariants', () => {
    const good = trie.toArrays();
    const corrupt = (f: (a: { keys: Uint32Array; lens: Uint8Array; children: Int32Array; values: Int32Array; size: number }) => void) => {
      const a = structuredClone(good) as { keys: Uint32Array; lens: Uint8Array; children: Int32Array; values: Int32Array; size: number };
      f(a);
      return () => PrefixTrie.fromArrays(a);
    };
    expect(corrupt(() => {})).not.toThrow();
    // a child pointing back to the root would make lookups loop forever
    expect(
      corrupt((a) => {
        const slot = a.children.findIndex((c) => c > 0);
        a.children[slot] = 0;
      }),
    ).toThrow(RangeError);
    expect(corrupt((a) => (a.children[0] = a.keys.length))).toThrow(RangeError);
    expect(corrupt((a) => (a.size += 1))).toThrow(RangeError);
    expect(corrupt((a) => (a.lens = a.lens.slice(1)))).toThrow(RangeError);
    expect(corrupt((a) => (a.lens[0] = 1))).toThrow(RangeError);
  });
});
