/**
 * Renders docs/report.png (the seed's review, er-link:er1-primary selected) and docs/report-estate.png (L's
 * review, groups against groups, its worst failure selected) in headless Chromium, 1000 px wide, and prints
 * how long L's page takes to open (navigation start to the end of the load event, which follows the page's
 * script). Not a test. Run after `npm run build`: `npx tsx test/report/screenshot.ts`
 * (WHATIF_FULL_PAGE=/tmp/full gives /tmp/full-seed.png and /tmp/full-estate.png, whole pages, to review the layout).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Topology } from '../../src/model/topology.js';
import { CLI, SEED } from '../cli-process.js';
import { launchChromium, type Chromium } from './browser.js';
import { siteDetailsOf, withSiteDetails } from './estate-run.js';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const SIZE = { width: 1000, height: 1000 };
/** The estate's picture is taller: its glance runs longer, and the group heatmap should show whole. */
const ESTATE_HEIGHT = 1400;

/** Runs in `cwd` with relative names, so the pictures show `seed.ndjson`, not a temp path. */
function whatif(args: string[], cwd: string): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`whatif ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

async function shoot(chromium: Chromium, page: string, name: string, pick: string): Promise<void> {
  const tab = await chromium.context.newPage();
  await tab.goto(pathToFileURL(page).href);
  await tab.selectOption('#scenario-select', { label: pick });
  await tab.evaluate(() => window.scrollTo(0, 0));
  await tab.mouse.move(999, 999); // no hover highlight in the picture
  if (process.env.WHATIF_FULL_PAGE) await tab.screenshot({ path: `${process.env.WHATIF_FULL_PAGE}-${name}.png`, fullPage: true });
  const out = join(DOCS, name === 'seed' ? 'report.png' : 'report-estate.png');
  await tab.screenshot({ path: out, clip: { x: 0, y: 0, width: SIZE.width, height: name === 'seed' ? SIZE.height : ESTATE_HEIGHT } });
  await tab.close();
  console.log(`wrote ${out} (${Math.round(statSync(out).size / 1024)} KB)`);
}

/** Milliseconds from navigation start to the end of the load event, in a fresh tab each time: the median of 5. */
async function openTime(chromium: Chromium, page: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const tab = await chromium.context.newPage();
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    times.push(await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
    await tab.close();
  }
  return times.sort((a, b) => a - b)[2]!;
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'whatif-screenshot-'));
  writeFileSync(join(dir, 'seed.ndjson'), whatif(['--all-single-failures', SEED], dir));
  whatif(['report', 'seed.ndjson', '--html', 'seed.html'], dir);
  // L with the site details the engine writes (a spoke's hub), derived from the topology when this run lacks them.
  writeFileSync(join(dir, 'L.json'), whatif(['generate', '--preset', 'L'], dir));
  whatif(['L.json', '--all-single-failures', '--out', 'L-run.ndjson'], dir);
  const topology = JSON.parse(readFileSync(join(dir, 'L.json'), 'utf8')) as Topology;
  writeFileSync(join(dir, 'L.ndjson'), withSiteDetails(readFileSync(join(dir, 'L-run.ndjson'), 'utf8'), siteDetailsOf(topology)));
  whatif(['report', 'L.ndjson', '--html', 'L.html'], dir);
  const summary = JSON.parse(readFileSync(join(dir, 'L.ndjson'), 'utf8').trimEnd().split('\n').at(-1)!) as { ranking: { id: string }[] };
  const chromium = await launchChromium({ width: SIZE.width, height: ESTATE_HEIGHT });
  try {
    await shoot(chromium, join(dir, 'seed.html'), 'seed', 'er-link:er1-primary');
    await shoot(chromium, join(dir, 'L.html'), 'estate', summary.ranking[0]!.id);
    console.log(`L.html: ${Math.round(statSync(join(dir, 'L.html')).size / 1024)} KB, opens in ${Math.round(await openTime(chromium, join(dir, 'L.html')))} ms`);
  } finally {
    await chromium.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
