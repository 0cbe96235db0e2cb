/**
 * Interned sets of paths (a path is the sequence of failure units a trace crosses). Every distinct set gets
 * an integer id, so a pair's verdict is two numbers, comparing two pairs' paths is comparing ids, and a pair is
 * symmetric when the return direction's set is the reversed set of the forward one (cached per set).
 * A scenario's table overlays the baseline's: sets the baseline knows keep their id, new ones get ids past
 * the baseline's and vanish with the scenario, so a long run does not grow the table. For that the baseline's
 * table must never grow again: seal() closes it under reversal first, then refuses new sets.
 */
export class PathSets {
  /** Id of the empty set: a pair with no delivered path. */
  static readonly NONE = 0;

  private readonly ids = new Map<string, number>();
  private readonly sets: number[][][] = [];
  private readonly reverse: number[] = [];
  private readonly offset: number;
  private sealed = false;

  constructor(private readonly base?: PathSets) {
    this.offset = base ? base.size : 0;
    if (!base) this.add('|', []);
  }

  get size(): number {
    return this.offset + this.sets.length;
  }

  /**
   * The id of a set of paths given as sorted, unique keys (unit indices joined by commas, '' for a path that
   * crosses no unit). The set's own key starts with '|' so the empty set and the set holding one empty path differ.
   */
  intern(keys: readonly string[]): number {
    const key = `|${keys.join('|')}`;
    return this.lookup(key) ?? this.add(key, keys.map((k) => (k === '' ? [] : k.split(',').map(Number))));
  }

  paths(id: number): readonly (readonly number[])[] {
    return id < this.offset ? this.base!.paths(id) : this.sets[id - this.offset]!;
  }

  /** The id of the set whose paths are this set's, each reversed. */
  reversed(id: number): number {
    if (id < this.offset) return this.base!.reversed(id);
    const local = id - this.offset;
    let r = this.reverse[local]!;
    if (r < 0) {
      r = this.intern(keysOf(this.sets[local]!.map((p) => [...p].reverse())));
      this.reverse[local] = r;
    }
    return r;
  }

  private lookup(key: string): number | undefined {
    return this.base?.lookup(key) ?? this.ids.get(key);
  }

  /** Adds every set's reverse, then refuses new sets (reversing twice gives the set back: one pass closes it). */
  seal(): void {
    for (let local = 0; local < this.sets.length; local++) this.reversed(this.offset + local);
    this.sealed = true;
  }

  private add(key: string, paths: number[][]): number {
    if (this.sealed) throw new Error(`Cannot intern a new path set into a sealed table: ${key}`);
    const id = this.offset + this.sets.length;
    this.ids.set(key, id);
    this.sets.push(paths);
    this.reverse.push(-1);
    return id;
  }
}

/** Sorted, unique keys of a list of paths. */
export function keysOf(paths: readonly (readonly number[])[]): string[] {
  return [...new Set(paths.map((p) => p.join(',')))].sort();
}
