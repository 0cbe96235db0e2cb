/**
 * Renders docs/report.png: the seed's HTML report in headless Chromium, top of the page, 1000 px wide.
 * Not a test. Run after `npm run build`: `npx tsx test/report/screenshot.ts`
 * (WHATIF_FULL_PAGE=/tmp/full.png also saves the whole page, to review the layout).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI, SEED } from '../cli-process.js';
import { launchChromium } from './browser.js';

const OUT = fileURLToPath(new URL('../../docs/report.png', import.meta.url));

/** Runs in `cwd` with relative names, so the picture shows `seed.ndjson`, not a temp path. */
function whatif(args: string[], cwd: string): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  if (r.status !== 0) throw new Error(`whatif ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'whatif-screenshot-'));
  const run = join(dir, 'seed.ndjson');
  const page = join(dir, 'seed.html');
  writeFileSync(run, whatif(['--all-single-failures', SEED], dir));
  whatif(['report', 'seed.ndjson', '--html', 'seed.html'], dir);
  const chromium = await launchChromium({ width: 1000, height: 1000 });
  try {
    const tab = await chromium.context.newPage();
    await tab.goto(pathToFileURL(page).href);
    // Show a scenario, so the picture has the failover case and its outlined cells.
    await tab.click('tr[data-heatmap] >> text=er-link:er1-primary');
    await tab.evaluate(() => window.scrollTo(0, 0));
    await tab.mouse.move(999, 999); // no hover highlight in the picture
    if (process.env.WHATIF_FULL_PAGE) await tab.screenshot({ path: process.env.WHATIF_FULL_PAGE, fullPage: true });
    await tab.screenshot({ path: OUT, clip: { x: 0, y: 0, width: 1000, height: 1000 } });
  } finally {
    await chromium.close();
  }
  console.log(`wrote ${OUT} (${Math.round(statSync(OUT).size / 1024)} KB)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
