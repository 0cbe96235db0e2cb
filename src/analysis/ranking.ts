/** One scenario's blast radius, as the summary ranks it. */
export interface RankingEntry {
  id: string;
  failed: string[];
  lost: number;
  asymmetric: number;
  rerouted: number;
}

/** How many scenarios a summary ranks (a merge of shards ranks the same number). */
export const RANKING_SIZE = 100;

/**
 * Keeps the top scenarios by blast radius: lost pairs, then newly asymmetric pairs, then rerouted pairs,
 * then id. Bounded, so a million-scenario run keeps only `limit` entries in memory.
 */
export class Ranking {
  private readonly entries: RankingEntry[] = [];
  private omitted = 0;

  constructor(private readonly limit: number) {}

  add(entry: RankingEntry): void {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(this.entries[mid]!, entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.limit) {
      this.omitted++;
      return;
    }
    this.entries.splice(lo, 0, entry);
    if (this.entries.length > this.limit) {
      this.entries.pop();
      this.omitted++;
    }
  }

  top(): RankingEntry[] {
    return [...this.entries];
  }

  get omittedCount(): number {
    return this.omitted;
  }
}

export function compareEntries(a: RankingEntry, b: RankingEntry): number {
  return b.lost - a.lost || b.asymmetric - a.asymmetric || b.rerouted - a.rerouted || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
