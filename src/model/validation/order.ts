import { pathSegments, type Issue } from '../issue.js';
import { isObject } from './loose.js';

/**
 * The order issues are listed in: errors first, then warnings, each in document order, so a reader fixes the
 * file from top to bottom. An issue about a missing field sorts at the object that lacks it; issues at the same
 * place keep the order the checks found them in.
 *
 * Document order is read off each issue's own path (the position of each key in its object, each index in its
 * array), never by walking the file: the work follows the issues, not the file's size or nesting.
 */
export function sortIssues(issues: Issue[], root: unknown): Issue[] {
  if (issues.length === 0) return issues;
  const place = placeFinder(root);
  return issues
    .map((issue, index) => ({ issue, index, place: place(issue.path) }))
    .sort(
      (a, b) =>
        Number(a.issue.severity === 'warning') - Number(b.issue.severity === 'warning') ||
        comparePlaces(a.place, b.place) ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}

/**
 * Where a path's value sits: the position among its siblings at each level, down to the deepest part of the
 * path that exists in the file (a missing field is placed at the object that lacks it).
 */
function placeFinder(root: unknown): (path: string) => number[] {
  // Key positions of each object met, computed once: many issues may sit in one large object.
  const keyPositions = new Map<object, Map<string, number>>();
  const positionOf = (o: Record<string, unknown>, key: string): number | undefined => {
    let positions = keyPositions.get(o);
    if (!positions) {
      positions = new Map(Object.keys(o).map((k, i) => [k, i]));
      keyPositions.set(o, positions);
    }
    return positions.get(key);
  };
  return (path) => {
    const place: number[] = [];
    let node = root;
    for (const segment of pathSegments(path)) {
      const position =
        Array.isArray(node) && typeof segment === 'number' && segment < node.length
          ? segment
          : isObject(node) && typeof segment === 'string'
            ? positionOf(node, segment)
            : undefined;
      if (position === undefined) break;
      place.push(position);
      node = (node as Record<string | number, unknown>)[segment];
    }
    return place;
  };
}

/** Document order: a value comes before its children, and siblings in order. */
function comparePlaces(a: readonly number[], b: readonly number[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
