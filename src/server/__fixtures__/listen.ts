import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { FathomServer } from '../create-server.js';

/** Serve a FathomServer on a free loopback port; returns its base URL and a closer. */
export async function listen(server: FathomServer): Promise<{ url: string; close: () => Promise<void> }> {
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      (http as { closeAllConnections?: () => void }).closeAllConnections?.();
      http.close(() => resolve());
    }),
  };
}
