import type { Prefix } from '../model/prefix.js';

/*
 * Compiled longest-prefix-match structure: a path-compressed binary radix (Patricia) trie over IPv4
 * prefixes, stored as parallel typed arrays (struct of arrays) instead of one object per node, so a
 * million routes cost a few tens of MiB, build without GC churn, and can be posted to a worker as-is.
 *
 * Layout, for node n in [0, nodeCount):
 *   keys[n]          uint32 network bits of the node; bits past lens[n] are zero
 *   lens[n]          number of significant bits of keys[n], 0..32
 *   children[2n+b]   index of the child whose bit at position lens[n] (0 = most significant) is b,
 *                    or -1; interleaved so one lookup step touches a single cache line
 *   values[n]        index into the build input of the prefix (keys[n], lens[n]), or -1 when the node
 *                    is only a branching point ("glue") created by path compression
 *
 * Invariants (checked by fromArrays, relied on by the lookups):
 *   - node 0 is the root, with len 0; it exists even in an empty trie (its value is the index of
 *     0.0.0.0/0 when that prefix was given, -1 otherwise);
 *   - a child is strictly longer than its parent, agrees with it on the parent's lens[n] bits, and has
 *     bit lens[n] equal to the side it hangs from: the child's prefix is inside the parent's;
 *   - so every path from the root has strictly increasing lengths (at most 33 nodes), and the
 *     nodes containing an address are exactly a prefix of its descent path;
 *   - nodes are numbered in depth-first preorder (left subtree first): a child's index is greater than
 *     its parent's, and a left child directly follows its parent, which keeps a lookup's path compact
 *     in memory;
 *   - a glue node (value -1) other than the root has two children (otherwise it would not be needed).
 */

/** Flat form of a PrefixTrie: plain typed arrays, structured-clone friendly. */
export interface TrieArrays {
  readonly keys: Uint32Array;
  readonly lens: Uint8Array;
  readonly children: Int32Array;
  readonly values: Int32Array;
  /** Number of distinct prefixes stored (nodes whose value is not -1). */
  readonly size: number;
}

/** A `matchAll` output buffer of this length always suffices: one match per length 0..32. */
export const MAX_MATCHES = 33;

const INITIAL_CAPACITY = 64;

export class PrefixTrie {
  /** Number of distinct prefixes stored (duplicates in the build input count once). */
  readonly size: number;
  /** Number of trie nodes, root and glue nodes included (an empty trie has 1). */
  readonly nodeCount: number;

  private readonly keys: Uint32Array;
  private readonly lens: Uint8Array;
  private readonly children: Int32Array;
  private readonly values: Int32Array;

  private constructor(a: TrieArrays) {
    this.keys = a.keys;
    this.lens = a.lens;
    this.children = a.children;
    this.values = a.values;
    this.size = a.size;
    this.nodeCount = a.keys.length;
  }

  /**
   * Builds an immutable trie; value i = index of prefixes[i]. Duplicate prefixes: the first index wins.
   * Throws RangeError on a length outside 0..32 or a network address with host bits set, since
   * silently masking them would make a wrong route look right.
   */
  static build(prefixes: readonly Prefix[]): PrefixTrie {
    const b = new Builder(prefixes.length);
    for (let i = 0; i < prefixes.length; i++) {
      const p = prefixes[i]!;
      const len = p.len;
      if (!Number.isInteger(len) || len < 0 || len > 32) {
        throw new RangeError(`prefix #${i}: length ${String(len)} is not in 0..32`);
      }
      const net = p.net >>> 0;
      if (!Number.isInteger(p.net) || p.net < -0x80000000 || p.net > 0xffffffff || (net & ~maskOf(len)) !== 0) {
        throw new RangeError(`prefix #${i}: network ${String(p.net)} is not a uint32 with zero host bits for /${len}`);
      }
      b.insert(net, len, i);
    }
    return new PrefixTrie(b.finish());
  }

  /** Rebuilds a trie from toArrays() output (e.g. received by a worker); validates the invariants. */
  static fromArrays(a: TrieArrays): PrefixTrie {
    validate(a);
    return new PrefixTrie(a);
  }

  /**
   * The trie's own arrays, not copies (zero cost; structured clone copies them anyway when posted).
   * Do not mutate them, and do not put their buffers in a transfer list: that would detach this trie.
   */
  toArrays(): TrieArrays {
    return { keys: this.keys, lens: this.lens, children: this.children, values: this.values, size: this.size };
  }

  /** Index of the longest prefix containing addr (uint32; a signed int32 view of it works too), or -1. */
  longestMatch(addr: number): number {
    const keys = this.keys;
    const lens = this.lens;
    const children = this.children;
    const values = this.values;
    let best = -1;
    let n = 0;
    for (;;) {
      const len = lens[n]!;
      // clz32 of the xor = number of leading bits shared with the key; clz32(0) = 32 covers /32.
      if (Math.clz32(addr ^ keys[n]!) < len) break;
      const v = values[n]!;
      if (v >= 0) best = v;
      if (len === 32) break;
      // len <= 31 here, so the shift count stays in 0..31.
      n = children[(n << 1) | ((addr >>> (31 - len)) & 1)]!;
      if (n < 0) break;
    }
    return best;
  }

  /**
   * Writes the indices of ALL prefixes containing addr into out, most specific first; returns the count.
   * out must have room for every match: MAX_MATCHES (33) always suffices.
   */
  matchAll(addr: number, out: Int32Array): number {
    const keys = this.keys;
    const lens = this.lens;
    const children = this.children;
    const values = this.values;
    const cap = out.length;
    let count = 0;
    let n = 0;
    for (;;) {
      const len = lens[n]!;
      if (Math.clz32(addr ^ keys[n]!) < len) break;
      const v = values[n]!;
      if (v >= 0) {
        // Typed-array writes past the end are silently dropped: fail loudly instead.
        if (count === cap) throw new RangeError(`matchAll: out holds ${cap} entries, more prefixes match`);
        out[count++] = v;
      }
      if (len === 32) break;
      n = children[(n << 1) | ((addr >>> (31 - len)) & 1)]!;
      if (n < 0) break;
    }
    // The descent finds the least specific first: reverse in place rather than allocate.
    for (let i = 0, j = count - 1; i < j; i++, j--) {
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return count;
  }
}

/** Mask of the top len bits as a signed int32 (enough for & and ^ tests); avoids the `<< 32` trap. */
function maskOf(len: number): number {
  return len === 0 ? 0 : -1 << (32 - len);
}

/** Bit `pos` (0 = most significant) of a uint32; pos must be in 0..31. */
function bitAt(key: number, pos: number): number {
  return (key >>> (31 - pos)) & 1;
}

/** Mutable build state: arrays grown geometrically, trimmed to size by finish(). */
class Builder {
  private keys: Uint32Array;
  private lens: Uint8Array;
  private children: Int32Array;
  private values: Int32Array;
  private count = 0;
  private size = 0;

  constructor(expected: number) {
    // Each distinct prefix adds at most one leaf and one glue node; start near the likely final size
    // so a large build grows once or twice rather than twenty times.
    const cap = Math.max(INITIAL_CAPACITY, expected + 1);
    this.keys = new Uint32Array(cap);
    this.lens = new Uint8Array(cap);
    this.children = new Int32Array(2 * cap).fill(-1);
    this.values = new Int32Array(cap).fill(-1);
    this.count = 1; // the root: key 0, len 0, no value, no children
  }

  insert(net: number, len: number, value: number): void {
    let n = 0;
    for (;;) {
      // Loop invariant: node n's prefix contains (net, len) and lens[n] <= len.
      const nLen = this.lens[n]!;
      if (nLen === len) {
        if (this.values[n]! < 0) {
          this.values[n] = value;
          this.size++;
        } // else: a duplicate, and the first index wins
        return;
      }
      const slot = (n << 1) | bitAt(net, nLen);
      const c = this.children[slot]!;
      if (c < 0) {
        this.children[slot] = this.add(net, len, value);
        this.size++;
        return;
      }
      const cKey = this.keys[c]!;
      const cLen = this.lens[c]!;
      const common = Math.min(Math.clz32(net ^ cKey), cLen, len);
      if (common === cLen) {
        n = c; // c contains the new prefix: descend
        continue;
      }
      if (common === len) {
        // The new prefix contains c (and is shorter): it goes between n and c.
        const m = this.add(net, len, value);
        this.children[(m << 1) | bitAt(cKey, len)] = c;
        this.children[slot] = m;
        this.size++;
        return;
      }
      // They diverge at bit `common`: a glue node holding the shared bits gets both as children.
      const g = this.add((net & maskOf(common)) >>> 0, common, -1);
      const leaf = this.add(net, len, value);
      this.children[(g << 1) | bitAt(cKey, common)] = c;
      this.children[(g << 1) | bitAt(net, common)] = leaf;
      this.children[slot] = g;
      this.size++;
      return;
    }
  }

  /**
   * Copies the nodes into exact-size arrays (freeing the growth slack), renumbered in depth-first
   * preorder: a lookup's path then mostly walks forward through nearby memory instead of jumping
   * around in insertion order, which halves lookup time at 1M routes (cache misses dominate there).
   */
  finish(): TrieArrays {
    const n = this.count;
    const keys = new Uint32Array(n);
    const lens = new Uint8Array(n);
    const children = new Int32Array(2 * n);
    const values = new Int32Array(n);
    const oldKeys = this.keys;
    const oldLens = this.lens;
    const oldChildren = this.children;
    const oldValues = this.values;
    // Explicit stack of (old node, new parent slot): each pop pushes at most two, and depth is at most
    // 33, so it never holds more than 34 entries.
    const stackNode = new Int32Array(40);
    const stackSlot = new Int32Array(40);
    let top = 0;
    stackNode[top] = 0;
    stackSlot[top++] = -1;
    let next = 0;
    while (top > 0) {
      const old = stackNode[--top]!;
      const slot = stackSlot[top]!;
      const m = next++;
      if (slot >= 0) children[slot] = m;
      keys[m] = oldKeys[old]!;
      lens[m] = oldLens[old]!;
      values[m] = oldValues[old]!;
      children[m << 1] = -1;
      children[(m << 1) | 1] = -1;
      // Right pushed first so the left subtree is numbered first, right after its parent.
      const right = oldChildren[(old << 1) | 1]!;
      if (right >= 0) {
        stackNode[top] = right;
        stackSlot[top++] = (m << 1) | 1;
      }
      const left = oldChildren[old << 1]!;
      if (left >= 0) {
        stackNode[top] = left;
        stackSlot[top++] = m << 1;
      }
    }
    return { keys, lens, children, values, size: this.size };
  }

  private add(key: number, len: number, value: number): number {
    if (this.count === this.keys.length) this.grow();
    const n = this.count++;
    this.keys[n] = key;
    this.lens[n] = len;
    this.values[n] = value;
    // children were pre-filled with -1 at allocation.
    return n;
  }

  private grow(): void {
    const cap = this.keys.length * 2;
    const keys = new Uint32Array(cap);
    keys.set(this.keys);
    const lens = new Uint8Array(cap);
    lens.set(this.lens);
    const children = new Int32Array(2 * cap).fill(-1);
    children.set(this.children);
    const values = new Int32Array(cap).fill(-1);
    values.set(this.values);
    this.keys = keys;
    this.lens = lens;
    this.children = children;
    this.values = values;
  }
}

/**
 * Checks the invariants the lookups rely on, so arrays from elsewhere cannot make a lookup loop
 * forever, read out of bounds or return a prefix that does not contain the address. One pass over the
 * nodes, each checked against its children. (It does not insist that glue nodes branch: an
 * unneeded glue node is only wasteful.)
 */
function validate(a: TrieArrays): void {
  const { keys, lens, children, values, size } = a;
  if (!(keys instanceof Uint32Array && lens instanceof Uint8Array && children instanceof Int32Array && values instanceof Int32Array)) {
    throw new TypeError('fromArrays: expected Uint32Array keys, Uint8Array lens, Int32Array children and values');
  }
  const n = keys.length;
  if (n < 1 || lens.length !== n || values.length !== n || children.length !== 2 * n) {
    throw new RangeError(`fromArrays: inconsistent lengths (keys ${n}, lens ${lens.length}, children ${children.length}, values ${values.length})`);
  }
  if (lens[0] !== 0) throw new RangeError('fromArrays: the root must have length 0');
  let valued = 0;
  for (let i = 0; i < n; i++) {
    const len = lens[i]!;
    if (len > 32) throw new RangeError(`fromArrays: node ${i} has length ${len}`);
    if ((keys[i]! & ~maskOf(len)) !== 0) throw new RangeError(`fromArrays: node ${i} has bits set past its length`);
    if (values[i]! < -1) throw new RangeError(`fromArrays: node ${i} has value ${values[i]!}`);
    if (values[i]! >= 0) valued++;
    for (let side = 0; side < 2; side++) {
      const c = children[(i << 1) | side]!;
      if (c === -1) continue;
      // Children after their parent (preorder) also rules out cycles.
      if (c <= i || c >= n) throw new RangeError(`fromArrays: node ${i} has child ${c} out of range`);
      const cLen = lens[c]!;
      // A child strictly longer than a /32 cannot exist, and len < 32 keeps bitAt's shift valid.
      if (len === 32 || cLen <= len) throw new RangeError(`fromArrays: child ${c} is not longer than its parent ${i}`);
      if (Math.clz32(keys[c]! ^ keys[i]!) < len || bitAt(keys[c]!, len) !== side) {
        throw new RangeError(`fromArrays: child ${c} is not inside its parent ${i} on side ${side}`);
      }
    }
  }
  if (valued !== size) throw new RangeError(`fromArrays: size ${size} but ${valued} nodes hold a prefix`);
}
