import { error, type Issue } from '../issue.js';
import { Speller, Vocabulary } from './spelling.js';

/**
 * Checks unavailability overrides (the topology's `unavailability`, the command line's `--unavailability`):
 * each key is a unit kind or a failure unit id, each value a probability from 0 up to 1 (1 would be a unit
 * that is never up: disable it instead). `pathOf` names where a key was given.
 */
export function unavailabilityIssues(
  units: readonly { id: string; kind: string }[], overrides: Readonly<Record<string, number>>, pathOf: (key: string) => string,
): Issue[] {
  const kinds = [...new Set(units.map((u) => u.kind))].sort();
  const ids = new Set(units.map((u) => u.id));
  const known = new Vocabulary([...kinds, ...ids], (id) => [id.slice(id.indexOf(':') + 1)]);
  const speller = new Speller();
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const path = pathOf(key);
    if (!kinds.includes(key) && !ids.has(key)) {
      const guess = speller.didYouMean(key, known);
      issues.push(error(path, `"${key}" is neither a kind of failure unit nor a unit id`, `${guess ? `${guess} ` : ''}kinds are ${kinds.join(', ')}; \`whatif links\` lists the unit ids`));
    }
    if (!Number.isFinite(value) || value < 0 || value >= 1) {
      issues.push(error(path, `unavailability ${value} is not a probability from 0 up to 1`, 'e.g. 0.0005 for a unit down 0.05% of the time (99.95% available)'));
    }
  }
  return issues;
}
