import type { Issue } from '../model/issue.js';

/**
 * Renders issues for stderr:
 *
 *     scenarios/x.json: 2 problems
 *       $.sites[0].addressSpace[0]: host bits are set: the network address is 10.0.0.0
 *         hint: write 10.0.0.0/24
 */
export function formatIssues(file: string, issues: readonly Issue[]): string {
  if (issues.length === 0) return `${file}: no problems\n`;
  return header(file, issues) + issues.map(formatIssue).join('');
}

function header(file: string, issues: readonly Issue[]): string {
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const errors = issues.length - warnings;
  const total = plural(issues.length, 'problem');
  // Spell out the split only when both kinds are present: "2 problems" already says it otherwise.
  const split = errors > 0 && warnings > 0 ? ` (${plural(errors, 'error')}, ${plural(warnings, 'warning')})` : '';
  const kind = errors === 0 ? ` (${plural(warnings, 'warning')})` : split;
  return `${file}: ${total}${kind}\n`;
}

function formatIssue(issue: Issue): string {
  const tag = issue.severity === 'warning' ? 'warning: ' : '';
  const hint = issue.hint ? `    hint: ${issue.hint}\n` : '';
  return `  ${issue.path}: ${tag}${issue.message}\n${hint}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
