import { error, type Issue } from '../issue.js';
import { didYouMean, editDistance } from './spelling.js';

/**
 * Checks failure unit ids requested on the command line (`--fail a,b`): unknown ids (the hint names the closest
 * known ones) and administratively disabled ones (failing them would change nothing) are errors.
 * Paths are `--fail[i]`. An id may appear more than once: several `--fail` options are several scenarios.
 */
export function failIdIssues(
  unitIds: { id: string; enabled: boolean }[],
  requested: string[],
  optionName = '--fail',
): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map(unitIds.map((u) => [u.id, u]));
  requested.forEach((raw, i) => {
    const path = `${optionName}[${i}]`;
    const id = raw.trim();
    if (id === '') {
      issues.push(
        error(
          path,
          'empty failure unit id',
          `separate ids with single commas, e.g. ${optionName} peering:a,vpn:b`,
        ),
      );
      return;
    }
    const unit = byId.get(id);
    if (!unit) {
      issues.push(error(path, `unknown failure unit "${id}"`, unknownUnitHint(id, unitIds)));
    } else if (!unit.enabled) {
      issues.push(
        error(
          path,
          `"${id}" is administratively disabled in the topology: it is already down in every scenario`,
          `leave it out of ${optionName}, or set enabled true in the topology to study its failure`,
        ),
      );
    }
  });
  return issues;
}

function unknownUnitHint(id: string, units: readonly { id: string }[]): string {
  // Compare with the whole id and with the name after "kind:", so a missing or wrong kind still finds it.
  const distance = (word: string, known: string): number =>
    Math.min(editDistance(word, known), editDistance(word, known.slice(known.indexOf(':') + 1)));
  const guess = didYouMean(id, units.map((u) => u.id), distance);
  const lead = guess ? `${guess} ` : 'ids look like kind:name (peering:, vpn:, er-link:, er-conn:, global-reach:); ';
  return `${lead}\`whatif links\` lists them`;
}
