import { containsPrefix, type Prefix } from '../prefix.js';

/**
 * Overlaps among many prefixes without comparing every pair. Two prefixes either nest or are disjoint, so sorted
 * by network address, shorter first, each prefix comes right after the ones that contain it, and one pass with
 * a stack of the containing prefixes finds them all. Identical prefixes are grouped first, so the stack holds
 * distinct prefixes of increasing length: at most 33 (/0 to /32), however many items share them. The work is
 * the sort's, O(n log n).
 */

export interface Ranked {
  prefix: Prefix;
  /** Where the item comes in its list: of several overlapping items, the first is named. */
  order: number;
}

export interface PrefixGroup<T extends Ranked> {
  prefix: Prefix;
  /** The items with exactly this prefix, first first. */
  items: T[];
  /** The smallest group whose prefix contains this one. */
  outer: PrefixGroup<T> | undefined;
}

/** Items grouped by identical prefix, each group linked to the one around it; a group comes after those around it. */
export function prefixGroups<T extends Ranked>(items: readonly T[]): PrefixGroup<T>[] {
  const sorted = [...items].sort(
    (a, b) => a.prefix.net - b.prefix.net || a.prefix.len - b.prefix.len || a.order - b.order,
  );
  const groups: PrefixGroup<T>[] = [];
  const around: PrefixGroup<T>[] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    if (last && last.prefix.net === item.prefix.net && last.prefix.len === item.prefix.len) {
      last.items.push(item);
      continue;
    }
    while (around.length > 0 && !containsPrefix((around.at(-1) as PrefixGroup<T>).prefix, item.prefix)) around.pop();
    const group: PrefixGroup<T> = { prefix: item.prefix, items: [item], outer: around.at(-1) };
    groups.push(group);
    around.push(group);
  }
  return groups;
}

/**
 * For each group, the first item that overlaps it from another group (one around it or one inside it), among
 * the items `counts` accepts.
 */
export function firstFromOtherGroups<T extends Ranked>(
  groups: readonly PrefixGroup<T>[],
  counts: (item: T) => boolean,
): Map<PrefixGroup<T>, T | undefined> {
  const own = new Map(groups.map((g) => [g, g.items.find(counts)]));
  const around = new Map<PrefixGroup<T>, T | undefined>();
  const inside = new Map<PrefixGroup<T>, T | undefined>();
  // Groups around come first: each takes what its outer group has and has around it.
  for (const g of groups) {
    if (g.outer) around.set(g, first(own.get(g.outer), around.get(g.outer)));
  }
  // Groups inside come later: backwards, each hands what it has and has inside it to its outer group.
  for (const g of [...groups].reverse()) {
    if (g.outer) inside.set(g.outer, first(inside.get(g.outer), first(own.get(g), inside.get(g))));
  }
  return new Map(groups.map((g) => [g, first(around.get(g), inside.get(g))]));
}

/** For each item of `a`, the first item of `b` that overlaps it, if any. */
export function firstOverlaps<T extends { prefix: Prefix }>(a: readonly T[], b: readonly T[]): (T | undefined)[] {
  const items = [
    ...a.map((at, order) => ({ prefix: at.prefix, order, at, fromB: false })),
    ...b.map((at, order) => ({ prefix: at.prefix, order, at, fromB: true })),
  ];
  const groups = prefixGroups(items);
  const elsewhere = firstFromOtherGroups(groups, (item) => item.fromB);
  const found = new Array<T | undefined>(a.length);
  for (const g of groups) {
    const match = first(
      g.items.find((item) => item.fromB),
      elsewhere.get(g),
    );
    for (const item of g.items) if (!item.fromB) found[item.order] = match?.at;
  }
  return found;
}

/** The first of two items, either of which may be missing. */
export function first<T extends Ranked>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.order <= b.order ? a : b;
}
