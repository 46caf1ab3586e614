/**
 * Drive Debian's headless Chromium with playwright-core (a dev dependency that downloads no browser: it launches
 * the installed binary). For tests and benchmarks only.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Path of a Chromium binary, or undefined when none is installed. */
export function findChromium(): string | undefined {
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
}

export interface Page {
  /** Evaluate an expression in the page and return its JSON value (promises awaited). */
  evaluate<T>(expression: string): Promise<T>;
  /** PNG of the whole page (up to `maxHeight` pixels). */
  screenshot(maxHeight?: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** Open `url` in a fresh headless Chromium (its own temporary profile, removed on close). */
export async function openPage({ executable, url, width = 1280, height = 1800 }: { executable: string; url: string; width?: number; height?: number }): Promise<Page> {
  const browser = await chromium.launch({ executablePath: executable, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--hide-scrollbars'] });
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url, { waitUntil: 'load' });
    return {
      evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
      async screenshot(maxHeight = 2600): Promise<Buffer> {
        const h = Math.min(Math.ceil(await page.evaluate<number>('document.documentElement.scrollHeight')), maxHeight);
        return page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width, height: h } });
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
