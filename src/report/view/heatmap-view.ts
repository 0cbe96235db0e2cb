import type { ScenarioDigest } from '../read/run-digest.js';
import type { AsymmetryClass } from '../read/run-records.js';
import { scenarioChanges } from './cells.js';
import type { HeatmapView } from './report-view.js';

/** Above this many sites the heatmap shows groups of sites first (a site per cell would be unreadable). */
export const AGGREGATE_ABOVE = 100;

/** The baseline's cells and, for each ranked scenario whose matrix can be rebuilt, the cells it changes. */
export function heatmapView(sites: readonly string[], baseline: readonly string[], ranked: readonly ScenarioDigest[], threshold: AsymmetryClass | undefined): HeatmapView {
  const scenarios: HeatmapView['scenarios'] = [];
  for (const s of ranked) {
    const changes = scenarioChanges(sites, baseline, s, threshold);
    if (changes) scenarios.push({ id: s.id, failed: s.failed, changes });
  }
  return { aggregate: sites.length > AGGREGATE_ABOVE, baseline: [...baseline], scenarios };
}
