import { expect } from 'vitest';
import type { Issue } from '../../src/model/issue.js';

/** What every issue must carry (issue 17): a JSON path from the root, a message and a hint, and a known severity. */
export function expectWellFormed(issue: Issue): void {
  const where = JSON.stringify(issue);
  expect(issue.path, where).toMatch(/^\$/);
  expect(issue.message.trim(), where).not.toBe('');
  expect(issue.hint.trim(), where).not.toBe('');
  expect(['error', 'warning'], where).toContain(issue.severity);
}
