/**
 * The serve bench's paired overhead phase (bench/serve.ts). At each concurrency c (1, 8, 32), rounds of the
 * variants one after another in a rotating order, each a closed loop of c workers (as autocannon's connections and
 * the in-process phase): each worker issues its next call when the previous one returns, `callsPerWorker` calls,
 * latency = issue → completion; a worker's first call (all c start at once) is not counted in the latency:
 *  - loopback: the fathom server in the child process, over HTTP/1.1 keep-alive (`http.request`, one Agent);
 *  - bare: a `node:http` server in the same child process returning the same JSON bytes the fathom server
 *    returned for that body (cached on first sight), with the same client: the floor any Node HTTP service pays
 *    (socket, parser, second process, client);
 *  - in-process: `retrieve()` / `answer()` in this process with the same principal (the same library work);
 *  - app: `app.request()` on a server in this process (the server's code without sockets or a second process);
 *  - workers (when `workersUrl` is given): the same server as N node:cluster processes on one port and one store.
 * Each variant's round latency is the median of its counted calls; the reported overheads are medians over rounds of the
 * per-round differences (robust to the machine's load drifting during the run). The child's CPU time per request
 * (loopback and bare) is read from a control endpoint around each burst: CPU is far less sensitive to a loaded
 * machine than wall time.
 */
import http from 'node:http';
import { loadavg } from 'node:os';
import { answer } from '../src/generate/index.js';
import { retrieve } from '../src/retrieve/index.js';
import { createApiKey, createServer } from '../src/server/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';

export interface PairedTargets {
  url: string;
  bareUrl: string;
  cpuUrl: string;
  key: string;
  path: string;
  tenant: string;
  principal: string;
  queries: string[];
  routes: Record<'search' | 'ask', (q: string) => Record<string, unknown>>;
  concurrency: number[];
  rounds: number;
  /** Calls each of the c workers makes back to back per round (the first one is not counted in the latency). @default 4 */
  callsPerWorker?: number;
  /** The same server as several processes (node:cluster) on one store: one more variant, `workers`. */
  workersUrl?: string;
  workersKey?: string;
  /** Stop a concurrency level's rounds after this many seconds (bounded run). */
  secondsPerLevel: number;
}

type Variant = 'loopback' | 'bare' | 'inProcess' | 'app' | 'workers';
export interface PairedLevel {
  rounds: number;
  loadAverage1m: number;
  p50Ms: Partial<Record<Variant, number>>;
  /** Medians of per-round differences. */
  /**
   * overInProcess: loopback − in-process (the acceptance number); overBareFloor: loopback − bare (the library work
   * included); ownCode: loopback − in-process − bare, the server's own code once the floor any Node HTTP service
   * pays and the library work are both taken out (additive at 1 client; at 8 and 32 queueing multiplies each part).
   */
  overheadP50Ms: { overInProcess: number; overBareFloor: number; ownCode: number; bareFloorOverInProcess: number; appOverInProcess: number; workersOverInProcess?: number };
  serverCpuMsPerRequest: { loopback: number; bare: number };
  inProcessCpuMsPerCall: number;
  /** Requests sent again after meeting a keep-alive socket the server had just closed. */
  resent: number;
}

const median = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(3);

export async function pairedOverhead(o: PairedTargets): Promise<Record<string, PairedLevel>> {
  const local = await createSqliteStore({ path: o.path });
  const { key: localKey } = await createApiKey({ store: local, tenant: o.tenant, principal: o.principal, role: 'reader' });
  const app = createServer({ store: local, config: { rateLimit: false } }).app;
  const principal = { id: o.principal, groups: [] as string[] };
  // Idle sockets are dropped by the client before Node's server closes them (keepAliveTimeout 5 s), and a request
  // that still meets a socket closed under it is sent once more on a new one (counted in `resent`).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 4000 });
  let resent = 0;
  const call = (url: string, method: string, body?: string, key = o.key): Promise<string> => _call(url, method, body, key).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
    resent++;
    return _call(url, method, body, key);
  });
  const _call = (url: string, method: string, body: string | undefined, key: string) => new Promise<string>((resolve, reject) => {
    const u = new URL(url);
    const headers: Record<string, string | number> = { authorization: `Bearer ${key}` };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${url}: ${res.statusCode} ${text.slice(0, 200)}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
  const cpuNow = async () => Number(await call(o.cpuUrl, 'GET'));
  // A CPU probe costs the child CPU too: the delta of two back-to-back probes (median of 21) is taken out of each burst's.
  const probes: number[] = [];
  for (let i = 0; i < 21; i++) probes.push(-(await cpuNow()) + (await cpuNow()));
  const probeCost = median(probes);
  const childCpu = cpuNow;
  const k = o.callsPerWorker ?? 4;
  const levels: Record<string, PairedLevel> = {};
  try {
    for (const route of ['search', 'ask'] as const) {
      const body = (q: string) => JSON.stringify(o.routes[route](q));
      const run: Record<Variant, (q: string) => Promise<unknown>> = {
        loopback: (q) => call(`${o.url}/v1/${route}`, 'POST', body(q)),
        bare: (q) => call(`${o.bareUrl}/v1/${route}`, 'POST', body(q)),
        inProcess: route === 'search'
          ? (q) => retrieve({ store: local, tenant: o.tenant, principal, query: q, topK: 5, mode: 'bm25' })
          : (q) => answer({ store: local, tenant: o.tenant, principal, question: `What about ${q}?`, retrieval: { topK: 5, mode: 'bm25' }, metadata: { principal: o.principal, via: 'bench' } }),
        // Content-Length as every HTTP client sends it: without it the body limit counts a stream (~0.6 ms more).
        app: (q) => app.request(`/v1/${route}`, { method: 'POST', headers: { authorization: `Bearer ${localKey}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body(q))) }, body: body(q) }).then(async (r) => {
          if (r.status !== 200) throw new Error(`app.request ${route}: ${r.status}`);
          return r.arrayBuffer();
        }),
        ...(o.workersUrl ? { workers: (q: string) => call(`${o.workersUrl}/v1/${route}`, 'POST', body(q), o.workersKey) } : {}),
      } as Record<Variant, (q: string) => Promise<unknown>>;
      const variants = Object.keys(run) as Variant[];
      for (const q of o.queries) for (const v of variants) await run[v](q); // warm-up; fills the bare server's byte cache
      for (const c of o.concurrency) {
        const per: Record<Variant, number[]> = { loopback: [], bare: [], inProcess: [], app: [], workers: [] };
        const cpu = { loopback: [] as number[], bare: [] as number[], inProcess: [] as number[] };
        const d = { overInProcess: [] as number[], overBareFloor: [] as number[], ownCode: [] as number[], bareFloorOverInProcess: [] as number[], appOverInProcess: [] as number[], workersOverInProcess: [] as number[] };
        const end = performance.now() + o.secondsPerLevel * 1000;
        let r = 0;
        for (; r < o.rounds && performance.now() < end; r++) {
          const t: Partial<Record<Variant, number>> = {};
          for (let j = 0; j < variants.length; j++) {
            const v = variants[(r + j) % variants.length]!;
            const remote = v === 'loopback' || v === 'bare';
            const c0 = remote ? await childCpu() : process.cpuUsage();
            const lat: number[] = [];
            await Promise.all(Array.from({ length: c }, async (_, w) => {
              for (let i = 0; i < k; i++) {
                const t0 = performance.now();
                await run[v](o.queries[((r * c + w) * k + i) % o.queries.length]!);
                if (i > 0) lat.push(performance.now() - t0);
              }
            }));
            if (remote) cpu[v as 'loopback' | 'bare'].push(((await childCpu()) - (c0 as number) - probeCost) / 1000 / (c * k));
            else if (v === 'inProcess') {
              const u = process.cpuUsage(c0 as NodeJS.CpuUsage);
              cpu.inProcess.push((u.user + u.system) / 1000 / (c * k));
            }
            t[v] = median(lat);
            per[v].push(t[v]);
          }
          d.overInProcess.push(t.loopback! - t.inProcess!);
          d.overBareFloor.push(t.loopback! - t.bare!);
          d.ownCode.push(t.loopback! - t.inProcess! - t.bare!);
          d.bareFloorOverInProcess.push(t.bare! - t.inProcess!);
          d.appOverInProcess.push(t.app! - t.inProcess!);
          if (t.workers !== undefined) d.workersOverInProcess.push(t.workers - t.inProcess!);
        }
        levels[`${route}@${c}`] = {
          rounds: r, loadAverage1m: +loadavg()[0]!.toFixed(1),
          p50Ms: { loopback: median(per.loopback), bare: median(per.bare), inProcess: median(per.inProcess), app: median(per.app), ...(o.workersUrl ? { workers: median(per.workers) } : {}) },
          overheadP50Ms: {
            overInProcess: median(d.overInProcess), overBareFloor: median(d.overBareFloor), ownCode: median(d.ownCode), bareFloorOverInProcess: median(d.bareFloorOverInProcess), appOverInProcess: median(d.appOverInProcess),
            ...(o.workersUrl ? { workersOverInProcess: median(d.workersOverInProcess) } : {}),
          },
          serverCpuMsPerRequest: { loopback: median(cpu.loopback), bare: median(cpu.bare) },
          inProcessCpuMsPerCall: median(cpu.inProcess),
          resent,
        };
        resent = 0;
        console.log('paired', route, c, JSON.stringify(levels[`${route}@${c}`]));
      }
    }
  } finally {
    agent.destroy();
    await local.close();
  }
  return levels;
}
