import { childPath, type Issue } from '../issue.js';
import { isObject } from './loose.js';

/**
 * The order issues are listed in: errors first, then warnings, each in document order, so a reader fixes the
 * file from top to bottom. An issue about a missing field sorts at the object that lacks it; issues at the same
 * place keep the order the checks found them in.
 */
export function sortIssues(issues: Issue[], root: unknown): Issue[] {
  if (issues.length === 0) return issues;
  const order = documentOrder(root);
  const rank = (path: string): number => {
    for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
      const n = order.get(p);
      if (n !== undefined) return n;
    }
    return Number.MAX_SAFE_INTEGER;
  };
  return issues
    .map((issue, index) => ({ issue, index, rank: rank(issue.path) }))
    .sort(
      (a, b) =>
        Number(a.issue.severity === 'warning') - Number(b.issue.severity === 'warning') ||
        a.rank - b.rank ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}

/** The path of every value in the file, numbered in the order a reader meets them. */
function documentOrder(root: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (v: unknown, path: string): void => {
    order.set(path, order.size);
    if (Array.isArray(v)) v.forEach((item, i) => visit(item, childPath(path, i)));
    else if (isObject(v)) for (const [k, item] of Object.entries(v)) visit(item, childPath(path, k));
  };
  visit(root, '$');
  return order;
}

const LAST_SEGMENT = /(\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/;

function parentPath(path: string): string | undefined {
  const m = LAST_SEGMENT.exec(path);
  return m ? path.slice(0, m.index) : undefined;
}
