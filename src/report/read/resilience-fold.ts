import type { CutSizeDigest } from './run-digest.js';
import type { ResilienceRecordIn, ResilienceSummaryIn } from './run-records.js';

/**
 * Folds a run's resilience records (one per pair of sites that some combination of up to K units cuts) into
 * counts by the size of each pair's smallest cut, keeping the first `keep` pairs of each size with their
 * smallest cuts: an estate has a hundred thousand such records, most of them told better by unit (a spoke's
 * own peering cuts it from every site). Checks what their schema cannot say: pairs of the run's sites, in its
 * site order, each once; cuts of the run's failure units; a smallest cut as the record says.
 */
export class ResilienceFold {
  private readonly bySize = new Map<number, CutSizeDigest>();
  private readonly index: ReadonlyMap<string, number>;
  private readonly units: ReadonlySet<string>;
  /** Pairs seen, by a * sites + b: a second record for one would count it twice. */
  private readonly seen = new Set<number>();

  constructor(sites: readonly string[], failureUnits: readonly string[], private readonly keep: number) {
    this.index = new Map(sites.map((s, i) => [s, i]));
    this.units = new Set(failureUnits);
  }

  get records(): number {
    return this.seen.size;
  }

  /** What is wrong with the record, if anything; otherwise it is folded. */
  add(record: ResilienceRecordIn): string | undefined {
    const [a, b] = record.pair;
    const name = `the resilience record of "${a}" and "${b}"`;
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return `${name} names site "${i === undefined ? a : b}", which the run record does not list`;
    if (i === j) return `${name} pairs a site with itself`;
    if (i > j) return `${name} is not in site order ("${b}" comes first in the run record)`;
    const key = i * this.index.size + j;
    if (this.seen.has(key)) return `${name} is the second for that pair`;
    const smallest = Math.min(...record.cuts.map((c) => c.length));
    if (smallest !== record.smallestCut) return `${name} gives smallestCut ${record.smallestCut}, but its smallest cut has ${units(smallest)}`;
    for (const cut of record.cuts) {
      const unknown = cut.find((u) => !this.units.has(u));
      if (unknown !== undefined) return `${name} names unit "${unknown}", which the run record does not list among its failure units`;
    }
    this.seen.add(key);
    const size = this.bySize.get(smallest) ?? this.bySize.set(smallest, { size: smallest, pairs: 0, first: [] }).get(smallest)!;
    size.pairs++;
    if (size.first.length < this.keep) size.first.push({ pair: [a, b], cuts: record.cuts.filter((c) => c.length === smallest) });
    return undefined;
  }

  /** Pairs by the size of their smallest cut, smallest first. */
  sizes(): CutSizeDigest[] {
    return [...this.bySize.values()].sort((x, y) => x.size - y.size);
  }

  /** Where the summary's resilience section and the records disagree, if they do. */
  disagreement(summary: ResilienceSummaryIn | undefined): string | undefined {
    if (!summary) return this.records ? `the summary has no resilience section, but the run has ${this.records} resilience records` : undefined;
    const sizes = new Set([...this.bySize.keys()].map(String));
    for (const key of Object.keys(summary.bySmallestCut)) if (key !== 'none') sizes.add(key);
    for (const key of [...sizes].sort((x, y) => Number(x) - Number(y))) {
      const counted = summary.bySmallestCut[key] ?? 0;
      const records = this.bySize.get(Number(key))?.pairs ?? 0;
      if (counted !== records) return `the summary counts ${counted} pairs whose smallest cut has ${units(Number(key))}, but the run has ${records} resilience records that say so`;
    }
    return undefined;
  }
}

function units(n: number): string {
  return `${n} unit${n === 1 ? '' : 's'}`;
}
