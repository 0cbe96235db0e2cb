/**
 * Names listed in messages and hints ("VNets: hub, spoke, branch") stop after a few: a file may hold hundreds of
 * thousands, and a hint is read by a person.
 */
const LISTED = 10;

/** `a, b, c`, or `a, b, ..., j and 990 more` past ten names; `show` formats each name listed. */
export function nameList(names: readonly string[], show: (name: string) => string = (name) => name): string {
  const listed = names.slice(0, LISTED).map(show).join(', ');
  const more = names.length - LISTED;
  return more > 0 ? `${listed} and ${count(more)} more` : listed;
}

/** A count as people write it: 1,000. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
