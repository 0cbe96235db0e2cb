import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-background-networking', '--no-first-run',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

/** Debian's chromium package, used only when the npm-shipped binary cannot run on this platform. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the browser tests drive: WHATIF_CHROMIUM when set; otherwise the headless build that
 * @sparticuz/chromium ships inside its npm package (unpacked to /tmp on first use, so `npm ci` is the whole
 * install); otherwise a system Chromium. playwright-core only drives it: it cannot download browsers here.
 */
export async function chromiumExecutable(): Promise<string> {
  const chosen = process.env.WHATIF_CHROMIUM;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`WHATIF_CHROMIUM names ${chosen}, which does not exist`);
    return chosen;
  }
  try {
    return await sparticuz.executablePath();
  } catch (error) {
    if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
    throw new Error(`Cannot unpack the Chromium of @sparticuz/chromium (${(error as Error).message}) and ${SYSTEM_CHROMIUM} `
      + 'does not exist: run `npm ci`, or point WHATIF_CHROMIUM at a Chromium binary', { cause: error });
  }
}

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile. */
export async function launchChromium(viewport = { width: 1000, height: 900 }): Promise<Chromium> {
  const executablePath = await chromiumExecutable();
  const profile = mkdtempSync(join(tmpdir(), 'whatif-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args: CHROMIUM_ARGS, viewport, deviceScaleFactor: 1,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
