import { Ranking } from '../../analysis/ranking.js';
import type { ScenarioDigest } from './run-digest.js';

/**
 * Keeps the `limit` worst scenarios seen so far, in the summary's own order (analysis/ranking.ts: lost, newly
 * asymmetric, rerouted, id). The summary comes last, so the reader cannot know its ranking while streaming;
 * ranking with the same Ranking and a limit at least the summary's size keeps every scenario it will name.
 */
export class TopScenarios {
  private readonly ranking: Ranking;
  private readonly digests = new Map<string, ScenarioDigest>();

  constructor(private readonly limit: number) {
    this.ranking = new Ranking(limit);
  }

  add(digest: ScenarioDigest): void {
    const { lost, asymmetric, rerouted } = digest.counts;
    this.ranking.add({ id: digest.id, failed: digest.failed, lost, asymmetric, rerouted });
    this.digests.set(digest.id, digest);
    // The Ranking forgets what falls off its end; forget those digests too, now and then, to stay bounded.
    if (this.digests.size > 2 * this.limit) this.prune();
  }

  byId(): Map<string, ScenarioDigest> {
    this.prune();
    return new Map(this.digests);
  }

  private prune(): void {
    const kept = new Set(this.ranking.top().map((e) => e.id));
    for (const id of this.digests.keys()) if (!kept.has(id)) this.digests.delete(id);
  }
}
