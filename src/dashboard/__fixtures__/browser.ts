/**
 * One headless Chromium (Debian's, via playwright-core) for the dashboard's test run, plus the helpers its tests
 * share: sign in, go to a hash route, screenshot, run axe-core in the page (injected from node_modules:
 * @axe-core/playwright needs Node 22).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

// Page-side globals of the functions handed to page.evaluate (this project type-checks without the DOM lib).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any, document: any, location: any;

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** URLs each signed-in page requested (to check nothing leaves the origin). */
export const requestsOf = new WeakMap<Page, string[]>();

/** A fresh context (its own sessionStorage) signed in with `key`, on the documents page. */
export async function signIn(browser: Browser, url: string, key: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e: any) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests: string[] = [];
  requestsOf.set(page, requests);
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(`${url}/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
  return page;
}

/** Open hash route `hash` (e.g. `#/ask`) in the signed-in page. */
export const goHash = (page: Page, hash: string): Promise<void> => page.evaluate((h) => { location.hash = h; }, hash);

const _SHOTS = process.env.FATHOM_DASHBOARD_SCREENSHOTS ? new URL('../../../docs/screenshots/', import.meta.url) : undefined;
/** With FATHOM_DASHBOARD_SCREENSHOTS=1: the page as it is now, to docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!_SHOTS) return;
  mkdirSync(_SHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, _SHOTS).pathname, fullPage: false });
}

const _AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Serious and critical axe-core violations of the page as it is now (WCAG 2.1 A/AA rules and best practices). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over DevTools, which the page's CSP does not govern (a <script> tag would be refused, as it should).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(_AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: unknown, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
