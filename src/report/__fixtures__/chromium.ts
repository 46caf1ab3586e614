/**
 * Drive Debian's headless Chromium over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands
 * on fd 3, replies on fd 4, NUL-separated JSON). No npm package needed. For tests only.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Path of a Chromium binary, or undefined when none is installed. */
export function findChromium(): string | undefined {
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
}

export interface Page {
  /** Evaluate an expression in the page and return its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** PNG of the whole page (up to `maxHeight` pixels). */
  screenshot(maxHeight?: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** Open `url` in a fresh headless Chromium with its own profile directory. */
export async function openPage({ executable, url, width = 1280, height = 1800 }: { executable: string; url: string; width?: number; height?: number }): Promise<Page> {
  const profile = mkdtempSync(join(tmpdir(), 'fathom-chromium-'));
  const child = spawn(executable, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const listeners: Array<(m: { method: string; params: unknown }) => void> = [];
  let buffer = '';
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end)) as { id?: number; result?: Record<string, unknown>; error?: { message: string }; method?: string; params?: unknown };
      buffer = buffer.slice(end + 1);
      if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error.message));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method) for (const l of listeners) l({ method: msg.method, params: msg.params });
    }
  });
  child.on('exit', () => { for (const p of pending.values()) p.reject(new Error('chromium exited')); pending.clear(); });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanup = async (): Promise<void> => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    if (child.exitCode === null) child.kill();
    await exited;
    clearTimeout(timer);
    // Chromium's helper processes can still write into the profile for a moment after the browser exits: retry
    // for a few seconds, then leave the temporary folder behind rather than fail the caller.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
    } catch {
      // best effort: a leftover temp profile is harmless
    }
  };
  try {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    await send('Page.enable', {}, sessionId);
    await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
    const loaded = new Promise<void>((resolve) => listeners.push((m) => { if (m.method === 'Page.loadEventFired') resolve(); }));
    await send('Page.navigate', { url }, sessionId);
    await loaded;
    return {
      async evaluate<T>(expression: string): Promise<T> {
        const r = (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId)) as { result: { value: T }; exceptionDetails?: { text: string } };
        if (r.exceptionDetails) throw new Error(`page error: ${r.exceptionDetails.text}`);
        return r.result.value;
      },
      async screenshot(maxHeight = 2600): Promise<Buffer> {
        const { cssContentSize } = (await send('Page.getLayoutMetrics', {}, sessionId)) as { cssContentSize: { height: number } };
        const h = Math.min(Math.ceil(cssContentSize.height), maxHeight);
        const { data } = (await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height: h, scale: 1 } }, sessionId)) as { data: string };
        return Buffer.from(data, 'base64');
      },
      async close(): Promise<void> {
        await Promise.race([send('Browser.close').catch(() => undefined), exited]);
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
