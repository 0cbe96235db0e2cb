/**
 * The HTML report in real headless Chromium (the binary @sparticuz/chromium ships in its npm package, driven by
 * playwright-core; see browser.ts). Never skipped: without a browser the suite fails and says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED, whatif } from '../cli-process.js';
import type { CellState } from '../../src/report/view/cells.js';
import { launchChromium, type Chromium } from './browser.js';
import { BASELINE_STATES, SITES } from './seed-facts.js';
import { renameInRun, runToFile, tmp, write } from './run-files.js';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(2)</script>';
const QUOTES = `o'"><svg onload=alert(3)> 2`;

function report(run: string, name: string): string {
  const html = join(tmp, name);
  const r = whatif(['report', run, '--html', html]);
  if (r.status !== 0) throw new Error(`whatif report exited ${r.status}: ${r.stderr}`);
  return pathToFileURL(html).href;
}

/** The heatmap as the browser has it now: state per [row][column], by data-src/data-dst. */
async function heatmap(page: Page): Promise<{ cells: number; states: string[][]; changed: number }> {
  return page.evaluate((sites) => {
    const cells = [...document.querySelectorAll('svg.heatmap .cell')];
    const states = sites.map(() => sites.map(() => ''));
    for (const g of cells) {
      const state = [...g.classList].filter((c) => c !== 'cell' && c !== 'changed');
      states[sites.indexOf(g.getAttribute('data-src')!)]![sites.indexOf(g.getAttribute('data-dst')!)] = state.join(' ');
    }
    return { cells: cells.length, states, changed: document.querySelectorAll('svg.heatmap .cell.changed').length };
  }, SITES);
}

const seedUrl = report(runToFile('browser-seed.ndjson', ['--all-single-failures']), 'browser-seed.html');
const classesUrl = report(fileURLToPath(new URL('../fixtures/report/classes.ndjson', import.meta.url)), 'browser-classes.html');
// A topology whose branch site is called `<img src=x onerror=alert(1)>` and onprem2 something with quotes
// (ids may hold anything but ',' and '/'); `</script>` can only come from a doctored run file.
const evilTopology = readFileSync(SEED, 'utf8').split('branch').join(IMG).split('onprem2').join(QUOTES.replace(/"/g, '\\"'));
const evilRun = readFileSync(runToFile('browser-evil.ndjson', [write('evil.json', evilTopology), '--all-single-failures']), 'utf8');
const evilUrl = report(write('browser-evil-script.ndjson', renameInRun(evilRun, 'remote', SCRIPT)), 'browser-evil.html');

// Started by the first test that needs it, so that without Chromium every test fails with the install hint
// (a failing beforeAll would only mark them skipped).
let chromium: Promise<Chromium> | undefined;
function browser(): Promise<Chromium> {
  chromium ??= launchChromium();
  return chromium;
}

async function newPage(url: string): Promise<Page> {
  const page = await (await browser()).context.newPage();
  await page.goto(url);
  return page;
}

afterAll(async () => {
  await (await chromium?.catch(() => undefined))?.close();
});

it('the doctored run really holds the markup names', () => {
  expect(evilRun).toContain(JSON.stringify(IMG));
});

describe('the seed report in Chromium', () => {
  it('draws 36 cells whose classes follow the seed baseline', async () => {
    const page = await newPage(seedUrl);
    const map = await heatmap(page);
    expect(map.cells).toBe(36);
    expect(map.states).toEqual(BASELINE_STATES);
    // The facts behind it: hub and spoke reach everyone symmetrically; branch reaches neither onprem2 nor remote.
    expect(map.states[SITES.indexOf('hub')]).toEqual(Array(6).fill('symmetric'));
    expect(map.states[SITES.indexOf('spoke')]).toEqual(Array(6).fill('symmetric'));
    expect(map.states[SITES.indexOf('branch')]![SITES.indexOf('onprem2')]).toBe('unreachable');
    expect(map.states[SITES.indexOf('branch')]![SITES.indexOf('remote')]).toBe('unreachable');
    expect(map.changed).toBe(0);
    await page.close();
  });

  it('redraws in place when a ranking row is clicked: peering:hub-spoke cuts spoke off from all but itself', async () => {
    const page = await newPage(seedUrl);
    await page.locator('tr[data-heatmap]', { has: page.locator('code', { hasText: /^peering:hub-spoke$/ }) }).click();
    const spoke = SITES.indexOf('spoke');
    const expected: CellState[][] = BASELINE_STATES.map((row, s) => row.map((state, d) =>
      (s !== d && (s === spoke || d === spoke) ? 'unreachable' : state)));
    const map = await heatmap(page);
    expect(map.cells).toBe(36);
    expect(map.states).toEqual(expected);
    expect(map.changed).toBe(10);
    expect(await page.locator('#heatmap-caption').textContent()).toBe('When peering:hub-spoke fails: 10 cells changed (outlined).');
    expect(await page.locator('tr.selected').count()).toBe(1);

    // The select redraws too: er-link:er1-primary loses only onprem1 <-> remote; back to the baseline after.
    await page.selectOption('#scenario-select', { label: 'er-link:er1-primary' });
    const er1 = await heatmap(page);
    const [o1, r] = [SITES.indexOf('onprem1'), SITES.indexOf('remote')];
    expect(er1.states).toEqual(BASELINE_STATES.map((row, s) => row.map((state, d) => ((s === o1 && d === r) || (s === r && d === o1) ? 'unreachable' : state))));
    expect(er1.changed).toBe(2);
    await page.selectOption('#scenario-select', { label: 'Baseline (no failure)' });
    expect((await heatmap(page)).states).toEqual(BASELINE_STATES);
    await page.close();
  });

  it('sorts a table when its header is clicked', async () => {
    const page = await newPage(seedUrl);
    const lost = (): Promise<number[]> => page.$$eval('#ranking-table tbody tr', (rows) => rows.map((r) => Number(r.children[2]!.textContent)));
    const header = page.locator('#ranking-table th', { hasText: /^Lost$/ }).locator('button');
    await header.click();
    const ascending = await lost();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.click();
    const descending = await lost();
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(descending[0]).toBe(10);
    await page.close();
  });
});

describe('names that look like markup', () => {
  it('render as text and never execute', async () => {
    const page = await (await browser()).context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(evilUrl);
    // Pick the scenario named after the <img> site and hover cells: the script and tooltips run too.
    await page.selectOption('#scenario-select', { label: `vpn:hub-${IMG}` });
    await page.locator('svg.heatmap .cell').first().hover();
    await page.waitForTimeout(300); // an <img onerror> would fire by now

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('svg').count()).toBe(1); // the heatmap, no injected <svg onload>
    // The names show as text: in the tables, the heatmap labels and the cells' data attributes.
    expect(await page.locator('code', { hasText: IMG }).count()).toBeGreaterThan(0);
    expect(await page.locator('code', { hasText: SCRIPT }).count()).toBeGreaterThan(0);
    expect(await page.locator('code', { hasText: QUOTES }).count()).toBeGreaterThan(0);
    expect(await page.locator('svg.heatmap .row-label', { hasText: IMG.slice(0, 12) }).count()).toBe(1);
    const sites = await page.$$eval('svg.heatmap .cell', (cells) => [...new Set(cells.map((c) => c.getAttribute('data-src')))]);
    expect(sites).toEqual(expect.arrayContaining([IMG, SCRIPT, QUOTES]));
    expect(await page.locator('#heatmap-caption').textContent()).toBe(`When vpn:hub-${IMG} fails: 6 cells changed (outlined).`);
    await page.close();
  });
});

describe('a run with asymmetry classes in Chromium (test/fixtures/report/classes.ndjson)', () => {
  it('tells each asymmetric cell\'s class, reads link asymmetry as symmetric, and links only the https source', async () => {
    const page = await newPage(classesUrl);
    const cell = (src: string, dst: string) => page.locator(`svg.heatmap .cell[data-src="${src}"][data-dst="${dst}"]`);
    // hub -> onprem1: ExpressRoute there, VPN back; hub -> onprem2: both links of er2 there, one back (below the threshold).
    expect(await cell('hub', 'onprem1').getAttribute('class')).toBe('cell asymmetric');
    expect(await cell('hub', 'onprem1').locator('title').textContent()).toMatch(/transport: ExpressRoute one way, VPN the other$/);
    expect(await cell('onprem1', 'onprem2').locator('title').textContent()).toMatch(/circuit: different circuits, or different tunnels of one transport$/);
    expect(await cell('hub', 'onprem2').getAttribute('class')).toBe('cell symmetric');
    const links = await page.$$eval('a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(links).toEqual([['https://learn.microsoft.com/en-us/azure/expressroute/expressroute-faqs', 'https://learn.microsoft.com/en-us/azure/expressroute/expressroute-faqs']]);
    await page.close();
  });
});
