import { compareEntries, type RankingEntry } from '../analysis/ranking.js';
import type { ScenarioDigest } from './digest.js';

/**
 * Keeps the `limit` worst scenarios seen so far, in the summary's own order (lost, newly asymmetric,
 * rerouted, id). The summary comes last, so the reader cannot know its ranking while streaming; ranking
 * with the same comparator and a limit at least the summary's size keeps every scenario it will name.
 */
export class TopScenarios {
  private readonly kept: { entry: RankingEntry; digest: ScenarioDigest }[] = [];

  constructor(private readonly limit: number) {}

  add(digest: ScenarioDigest): void {
    const entry: RankingEntry = {
      id: digest.id, failed: digest.failed,
      lost: digest.counts.lost, asymmetric: digest.counts.asymmetric, rerouted: digest.counts.rerouted,
    };
    let lo = 0;
    let hi = this.kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(this.kept[mid]!.entry, entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.limit) return;
    this.kept.splice(lo, 0, { entry, digest });
    if (this.kept.length > this.limit) this.kept.pop();
  }

  byId(): Map<string, ScenarioDigest> {
    return new Map(this.kept.map((k) => [k.digest.id, k.digest]));
  }
}
