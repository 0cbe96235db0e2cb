/**
 * A problem found in user input (a topology file or a CLI argument), located by a path a person can follow:
 * `$.sites[2].addressSpace[0]` for a file (`$` is the root), `--fail[0]` for an argument.
 */
export interface Issue {
  path: string;
  message: string;
  /** What to do about it. */
  hint: string;
  severity: 'error' | 'warning';
}

export function error(path: string, message: string, hint: string): Issue {
  return { path, message, hint, severity: 'error' };
}

export function warning(path: string, message: string, hint: string): Issue {
  return { path, message, hint, severity: 'warning' };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends an object key or array index to a JSON path: `.sites`, `[2]`, `["odd key"]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A path's object keys and array indexes, the inverse of childPath: `$.sites[2]["odd key"]` -> sites, 2, odd key. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const segment = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  segment.lastIndex = 1; // after the root, `$`
  for (let m = segment.exec(path); m; m = segment.exec(path)) {
    const [, key, index, quoted] = m;
    segments.push(key ?? (index !== undefined ? Number(index) : (JSON.parse(quoted as string) as string)));
  }
  return segments;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
