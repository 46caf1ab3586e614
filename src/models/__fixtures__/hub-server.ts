/**
 * A loopback server in the Hugging Face hub's layout: `GET /{org}/{repo}/resolve/{rev}/{file}`. LFS files
 * (models) answer 302 to `/cdn/{sha256}` with `x-repo-commit`, `x-linked-etag` (quoted SHA-256) and
 * `x-linked-size`; small git files answer 200 with `etag` (quoted git blob SHA-1) and `x-repo-commit`.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubFile {
  bytes: Buffer;
  lfs: boolean;
}

export interface HubServer {
  url: string;
  requests: string[];
  /** Serve these bytes instead of the real ones from the CDN (a corrupting proxy). */
  corrupt: (sha256: string | undefined) => void;
  close: () => Promise<void>;
}

export async function startHubServer({ repos, commit = 'a'.repeat(40) }: { repos: Record<string, Record<string, HubFile>>; commit?: string }): Promise<HubServer> {
  const requests: string[] = [];
  const bySha = new Map<string, Buffer>();
  let corrupted: string | undefined;
  for (const files of Object.values(repos)) for (const f of Object.values(files)) bySha.set(sha256(f.bytes), f.bytes);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(`${req.method} ${path}`);
    const cdn = /^\/cdn\/([0-9a-f]{64})$/.exec(path);
    if (cdn) {
      const bytes = bySha.get(cdn[1]!);
      if (!bytes) return void res.writeHead(404).end();
      const body = corrupted === cdn[1] ? Buffer.from(bytes).fill(7, 0, 16) : bytes;
      res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
      // Several writes, so a client sees progress.
      for (let i = 0; i < body.length; i += 4096) res.write(body.subarray(i, i + 4096));
      return void res.end();
    }
    const m = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path);
    const file = m ? repos[m[1]!]?.[m[3]!] : undefined;
    if (!m || !file) return void res.writeHead(404, { 'x-error-code': 'EntryNotFound' }).end('Entry not found');
    if (file.lfs) {
      const sha = sha256(file.bytes);
      return void res.writeHead(302, { location: `/cdn/${sha}`, 'x-repo-commit': commit, 'x-linked-etag': `"${sha}"`, 'x-linked-size': String(file.bytes.length), etag: `"${gitSha1(file.bytes)}"` }).end();
    }
    res.writeHead(200, { 'x-repo-commit': commit, etag: `"${gitSha1(file.bytes)}"`, 'content-length': file.bytes.length }).end(file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    corrupt: (sha) => void (corrupted = sha),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function gitSha1(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
