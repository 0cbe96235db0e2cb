import { Int32List } from '../model/int32-list.js';

/**
 * Sets of paths (a path is the sequence of failure units a packet crosses), hash-consed: a set is an integer
 * id, and equal sets get equal ids, so comparing two pairs' paths is comparing two numbers.
 *
 * A set is stored as the node of a trie: whether the empty path is in it (`end`), and per first unit the set
 * of the rest (children, sorted by unit). Equal sets have equal tries, and every trie node is interned by its
 * content, so the id is canonical. Putting a unit in front of every path of a set (what a forwarding step
 * does) is one new node; a union merges two tries. Sets that share suffixes share their nodes: a spoke's
 * paths to a data centre are one node over the hub's.
 *
 * A scenario's table overlays the baseline's: a lookup checks the base first, so a set the base knows keeps
 * its id, and the sets a scenario adds get ids past the base's and go away with it.
 */
export interface PathSetArrays {
  /** 1 where the set holds the empty path. */
  end: Uint8Array;
  /** How many paths each set holds. */
  pathCount: Float64Array;
  /** Set `s` has children childStart[s] .. childStart[s + 1] in childUnit / childSet. */
  childStart: Int32Array;
  childUnit: Int32Array;
  childSet: Int32Array;
  /** Open-addressing index: slot -> set id + 1 (0 = free). Its length is a power of two. */
  slots: Int32Array;
}

/** Beyond this many paths, a set's reversal is compared on tries rather than path by path. */
const ENUMERATE_LIMIT = 4096;

export class PathSets {
  /** The set with no path: nothing delivered. */
  static readonly EMPTY = 0;
  /** The set holding only the empty path: delivered without crossing a failure unit. */
  static readonly EMPTY_PATH = 1;

  private readonly offset: number;
  private end: Uint8Array;
  private counts: Float64Array;
  private childStart: Int32List;
  private childUnit: Int32List;
  private childSet: Int32List;
  private slots: Int32Array;
  private count = 0;
  private readonly unions = new Map<number, number>();
  private readonly appended = new Map<number, number>();
  private readonly reversals = new Map<number, number>();
  /** Children being assembled by union(), reused to spare an allocation per call. */
  private readonly units: number[] = [];
  private readonly sets: number[] = [];
  /** isReverseOf's walk: units down to the current node, and per depth the set and next child. */
  private readonly scratchPath: number[] = [];
  private readonly scratchSets: number[] = [];
  private readonly scratchNext: number[] = [];

  /** A root table, or a table over `base` (a scenario's over the baseline's), which must not change after. */
  constructor(private readonly base?: PathSets, capacity = 1024) {
    this.offset = base ? base.size : 0;
    this.end = new Uint8Array(capacity);
    this.counts = new Float64Array(capacity);
    this.childStart = new Int32List(capacity + 1);
    this.childStart.push(0);
    this.childUnit = new Int32List(capacity);
    this.childSet = new Int32List(capacity);
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2))));
    if (!base) {
      this.intern(0, 0, this.units, this.sets);
      this.intern(1, 0, this.units, this.sets);
    }
  }

  /** A root table over arrays another table exported (the baseline's, shared with a worker): read in place. */
  static fromArrays(a: PathSetArrays): PathSets {
    const sets = new PathSets(undefined, 1);
    sets.end = a.end;
    sets.counts = a.pathCount;
    sets.slots = a.slots;
    sets.count = a.end.length;
    sets.childStart = Int32List.over(a.childStart);
    sets.childUnit = Int32List.over(a.childUnit);
    sets.childSet = Int32List.over(a.childSet);
    return sets;
  }

  toArrays(): PathSetArrays {
    return {
      end: this.end.slice(0, this.count),
      pathCount: this.counts.slice(0, this.count),
      childStart: this.childStart.done(),
      childUnit: this.childUnit.done(),
      childSet: this.childSet.done(),
      slots: this.slots.slice(),
    };
  }

  get size(): number {
    return this.offset + this.count;
  }

  /** Every path of `set` with `unit` put in front. */
  prefix(unit: number, set: number): number {
    if (set === PathSets.EMPTY) return PathSets.EMPTY;
    this.units[0] = unit;
    this.sets[0] = set;
    return this.intern(0, 1, this.units, this.sets);
  }

  union(a: number, b: number): number {
    if (a === b || b === PathSets.EMPTY) return a;
    if (a === PathSets.EMPTY) return b;
    // Ids stay far below 2^26 (each set costs ~30 bytes): the key is exact.
    const key = a < b ? a * 2 ** 27 + b : b * 2 ** 27 + a;
    const known = this.unions.get(key);
    if (known !== undefined) return known;
    // Recursion needs its own lists: union() of the children runs before this node is interned.
    const units: number[] = [];
    const sets: number[] = [];
    const na = this.childCount(a);
    const nb = this.childCount(b);
    let i = 0;
    let j = 0;
    while (i < na || j < nb) {
      const ua = i < na ? this.childUnitOf(a, i) : Infinity;
      const ub = j < nb ? this.childUnitOf(b, j) : Infinity;
      if (ua === ub) {
        units.push(ua);
        sets.push(this.union(this.childSetOf(a, i++), this.childSetOf(b, j++)));
      } else if (ua < ub) {
        units.push(ua);
        sets.push(this.childSetOf(a, i++));
      } else {
        units.push(ub);
        sets.push(this.childSetOf(b, j++));
      }
    }
    const id = this.intern(this.hasEmptyPath(a) || this.hasEmptyPath(b) ? 1 : 0, units.length, units, sets);
    this.unions.set(key, id);
    return id;
  }

  /** How many paths the set holds. */
  pathCount(set: number): number {
    return set < this.offset ? this.base!.pathCount(set) : this.counts[set - this.offset]!;
  }

  /**
   * The paths of a set in order (a path before its extensions, then by unit index), at most `limit` of them.
   * `truncated` says the limit cut some off.
   */
  paths(set: number, limit = Infinity): { paths: number[][]; truncated: boolean } {
    const paths: number[][] = [];
    // Depth-first without recursion (paths can be as long as the network is deep), over one path buffer.
    const path: number[] = [];
    const sets = [set];
    const next = [-1];
    while (sets.length > 0) {
      const depth = sets.length - 1;
      const top = sets[depth]!;
      if (next[depth] === -1) {
        next[depth] = 0;
        if (this.hasEmptyPath(top)) {
          if (paths.length >= limit) return { paths, truncated: true };
          paths.push(path.slice());
        }
      }
      const k = next[depth]!;
      if (k >= this.childCount(top)) {
        sets.pop();
        next.pop();
        path.pop();
        continue;
      }
      next[depth] = k + 1;
      path.push(this.childUnitOf(top, k));
      sets.push(this.childSetOf(top, k));
      next.push(-1);
    }
    return { paths, truncated: false };
  }

  /**
   * Whether `b` holds exactly the paths of `a`, each reversed: the return direction of a symmetric pair. Both
   * hold as many paths, and every path of `a`, read backwards, is in `b` (a walk down b's trie): no path is
   * listed or allocated.
   */
  isReverseOf(b: number, a: number): boolean {
    const count = this.pathCount(a);
    if (count !== this.pathCount(b)) return false;
    if (count > ENUMERATE_LIMIT) return this.reversed(a) === b;
    // Depth-first over a's trie; `path` holds the units down to the current node.
    const path = this.scratchPath;
    const sets = this.scratchSets;
    const next = this.scratchNext;
    let depth = 0;
    sets[0] = a;
    next[0] = -1;
    while (depth >= 0) {
      const top = sets[depth]!;
      if (next[depth] === -1) {
        next[depth] = 0;
        if (this.hasEmptyPath(top) && !this.holdsBackwards(b, path, depth)) return false;
      }
      const k = next[depth]!;
      if (k >= this.childCount(top)) {
        depth--;
        continue;
      }
      next[depth] = k + 1;
      path[depth] = this.childUnitOf(top, k);
      sets[++depth] = this.childSetOf(top, k);
      next[depth] = -1;
    }
    return true;
  }

  /** Whether `set` holds path[length - 1], ..., path[0]. */
  private holdsBackwards(set: number, path: readonly number[], length: number): boolean {
    let t = set;
    for (let i = length - 1; i >= 0; i--) {
      let k = 0;
      const n = this.childCount(t);
      while (k < n && this.childUnitOf(t, k) !== path[i]) k++;
      if (k === n) return false;
      t = this.childSetOf(t, k);
    }
    return this.hasEmptyPath(t);
  }

  /** The set of `set`'s paths, each reversed, built on tries (for sets too large to list). */
  reversed(set: number): number {
    if (set === PathSets.EMPTY || set === PathSets.EMPTY_PATH) return set;
    const known = this.reversals.get(set);
    if (known !== undefined) return known;
    let result = this.hasEmptyPath(set) ? PathSets.EMPTY_PATH : PathSets.EMPTY;
    for (let k = 0; k < this.childCount(set); k++) {
      result = this.union(result, this.append(this.reversed(this.childSetOf(set, k)), this.childUnitOf(set, k)));
    }
    this.reversals.set(set, result);
    return result;
  }

  /** Every path of `set` with `unit` put at the end. */
  private append(set: number, unit: number): number {
    if (set === PathSets.EMPTY) return PathSets.EMPTY;
    const key = set * 2 ** 21 + unit;
    const known = this.appended.get(key);
    if (known !== undefined) return known;
    let result = this.hasEmptyPath(set) ? this.prefix(unit, PathSets.EMPTY_PATH) : PathSets.EMPTY;
    for (let k = 0; k < this.childCount(set); k++) {
      result = this.union(result, this.prefix(this.childUnitOf(set, k), this.append(this.childSetOf(set, k), unit)));
    }
    this.appended.set(key, result);
    return result;
  }

  /** Every unit some path of the set crosses, each once. */
  unitsOf(set: number): number[] {
    const units = new Set<number>();
    const seen = new Set<number>();
    const stack = [set];
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (seen.has(top)) continue;
      seen.add(top);
      for (let k = 0; k < this.childCount(top); k++) {
        units.add(this.childUnitOf(top, k));
        stack.push(this.childSetOf(top, k));
      }
    }
    return [...units];
  }

  hasEmptyPath(set: number): boolean {
    return set < this.offset ? this.base!.hasEmptyPath(set) : this.end[set - this.offset] === 1;
  }

  /** The trie below a set: its children (the sets of the paths' rests), each under its first unit. */
  childCount(set: number): number {
    if (set < this.offset) return this.base!.childCount(set);
    const local = set - this.offset;
    return this.childStart.at(local + 1) - this.childStart.at(local);
  }

  childUnitOf(set: number, k: number): number {
    return set < this.offset ? this.base!.childUnitOf(set, k) : this.childUnit.at(this.childStart.at(set - this.offset) + k);
  }

  childSetOf(set: number, k: number): number {
    return set < this.offset ? this.base!.childSetOf(set, k) : this.childSet.at(this.childStart.at(set - this.offset) + k);
  }

  /** The id of the trie node (end, first n children), from the base or this table, added here when new. */
  private intern(end: number, n: number, units: readonly number[], sets: readonly number[]): number {
    const hash = hashNode(end, n, units, sets);
    // The base only holds nodes over its own sets: one over a set of this table is new to it.
    if (this.base && this.allInBase(n, sets)) {
      const inBase = this.base.find(hash, end, n, units, sets);
      if (inBase !== undefined) return inBase;
    }
    const found = this.find(hash, end, n, units, sets);
    if (found !== undefined) return found;
    if ((this.count + 1) * 2 > this.slots.length) this.rehash();
    const local = this.count++;
    if (local >= this.end.length) this.grow();
    this.end[local] = end;
    let paths = end;
    for (let k = 0; k < n; k++) {
      this.childUnit.push(units[k]!);
      this.childSet.push(sets[k]!);
      paths += this.pathCount(sets[k]!);
    }
    this.counts[local] = paths;
    this.childStart.push(this.childUnit.length);
    this.place(hash, local);
    return this.offset + local;
  }

  private allInBase(n: number, sets: readonly number[]): boolean {
    for (let k = 0; k < n; k++) if (sets[k]! >= this.offset) return false;
    return true;
  }

  /** The id of a node with this content in this table (not its base), if any. */
  private find(hash: number, end: number, n: number, units: readonly number[], sets: readonly number[]): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return undefined;
      const local = entry - 1;
      if (this.end[local] === end && this.sameChildren(local, n, units, sets)) return this.offset + local;
    }
  }

  private sameChildren(local: number, n: number, units: readonly number[], sets: readonly number[]): boolean {
    const start = this.childStart.at(local);
    if (this.childStart.at(local + 1) - start !== n) return false;
    for (let k = 0; k < n; k++) {
      if (this.childUnit.at(start + k) !== units[k] || this.childSet.at(start + k) !== sets[k]) return false;
    }
    return true;
  }

  private place(hash: number, local: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = local + 1;
  }

  private grow(): void {
    const end = new Uint8Array(this.end.length * 2);
    end.set(this.end);
    this.end = end;
    const counts = new Float64Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let local = 0; local < this.count; local++) {
      const start = this.childStart.at(local);
      const n = this.childStart.at(local + 1) - start;
      let h = 0x811c9dc5 ^ this.end[local]!;
      for (let k = 0; k < n; k++) h = mix(h, this.childUnit.at(start + k), this.childSet.at(start + k));
      this.place(finish(h), local);
    }
  }
}

function hashNode(end: number, n: number, units: readonly number[], sets: readonly number[]): number {
  let h = 0x811c9dc5 ^ end;
  for (let k = 0; k < n; k++) h = mix(h, units[k]!, sets[k]!);
  return finish(h);
}

function mix(h: number, unit: number, set: number): number {
  return Math.imul(Math.imul(h ^ unit, 0x01000193) ^ set, 0x01000193);
}

function finish(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
}

/** Lexicographic order on unit sequences, a path before its extensions (the order `paths` lists them in). */
export function comparePaths(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
