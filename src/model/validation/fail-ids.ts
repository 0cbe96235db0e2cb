import { error, type Issue } from '../issue.js';
import { UNIT_ID_PREFIXES } from '../unit-kinds.js';
import { Speller, Vocabulary } from './spelling.js';

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
  // An id is also suggested for its name after "kind:", so a missing or wrong kind still finds it.
  const known = new Vocabulary(unitIds.map((u) => u.id), (id) => [id.slice(id.indexOf(':') + 1)]);
  const speller = new Speller();
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
      const guess = speller.didYouMean(id, known);
      const lead = guess ? `${guess} ` : `ids look like kind:name (${UNIT_ID_PREFIXES}); `;
      issues.push(error(path, `unknown failure unit "${id}"`, `${lead}\`whatif links\` lists them`));
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
