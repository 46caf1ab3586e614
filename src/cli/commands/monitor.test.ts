import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { QueryLogEntry } from '../../spec/audit.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { startOpenAICompatibleServer } from '../../testing/index.js';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'fathom-monitor-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args });
const entries = (): Promise<QueryLogEntry[]> => cli('log', 'list', '--json', '--limit', '100000').then((r) => r.json());

/** `n` answered entries per day over `days` days up to now; from `shiftDay` they abstain with no context. */
function stream(days: number, n: number, shiftDay: number): QueryLogEntry[] {
  const now = Date.now();
  const out: QueryLogEntry[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < n; i++) {
      const shifted = d >= shiftDay;
      out.push({
        tenant: 'default', id: `q${d}_${i}`, at: now - (days - d) * DAY + 1000 + i * 1000, kind: 'ask', query: shifted ? `kubernetes helm chart ${i}` : `pro plan price ${i % 5}`,
        answer: shifted ? "I don't know." : 'The Pro plan costs 49 dollars [1].', abstained: shifted, model: 'extractive',
        citations: shifted ? [] : [{ n: 1, valid: true, supported: true, support: 0.9, documentId: 'pricing.md' }],
        retrieved: [{ chunkId: 'c', documentId: 'pricing.md', score: shifted ? 0.1 : 0.9, stages: {} }], latencyMs: { total: 50 },
        metadata: { sufficiency: shifted ? 0.1 : 0.9, abstainReason: shifted ? 'insufficient-context' : undefined },
      });
    }
  }
  return out;
}

describe('fathom feedback and fathom monitor', () => {
  before(async () => {
    writeFileSync(join(dir, 'fathom.config.json'), '{}');
    const store = await createSqliteStore({ path: join(dir, '.fathom', 'fathom.db') });
    for (const e of stream(9, 40, 8)) await store.appendQueryLog(e);
    await store.close();
  });

  it('feedback --down --correct is stored with the entry; bad input is a typed error, not exit 0', async () => {
    const r = await cli('feedback', 'q1_0', '--down', '--correct', 'It costs 59 dollars.', '--note', 'price changed', '--source', 'pricing.md');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Recorded feedback on q1_0 \(down\) with a correction/);
    const e = (await entries()).find((x) => x.id === 'q1_0')!;
    assert.deepEqual(e.feedback?.map((f) => [f.rating, f.correction, f.note, f.sources]), [['down', 'It costs 59 dollars.', 'price changed', ['pricing.md']]]);
    assert.equal((await cli('feedback', 'q1_0')).code, 2, 'no feedback given');
    assert.equal((await cli('feedback', 'q1_0', '--up', '--down')).code, 2);
    const missing = await cli('feedback', 'nope', '--up', '--json');
    assert.equal(missing.code, 2);
    assert.equal(missing.json().error.code, 'NOT_FOUND');
  });

  it('monitor score samples at the rate, stores scores and resumes from its cursor', async () => {
    const first = await cli('monitor', 'score', '--since', '10d', '--rate', '0.5', '--json');
    assert.equal(first.code, 0, first.err);
    const r = first.json();
    assert.equal(r.read, 360);
    assert.ok(r.scored > 120 && r.scored < 240, String(r.scored));
    const scored = (await entries()).filter((e) => e.online);
    assert.equal(scored.length, r.scored);
    const ok = scored.find((e) => !e.abstained)!;
    assert.equal(ok.online!.metrics.citationSupport, 0.9);
    assert.equal(ok.online!.stratum, 'default/extractive');
    const again = (await cli('monitor', 'score', '--since', '10d', '--rate', '0.5', '--json')).json();
    assert.equal(again.read, 0, 'resumed after the cursor: nothing new');
    assert.equal((await cli('monitor', 'score', '--rate', '2')).code, 2);
  });

  it('monitor check exits 1 on drift, names the signals and what to do, and posts to the webhook', async () => {
    const posted: unknown[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        posted.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    try {
      const r = await cli('monitor', 'check', '--webhook', url);
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, /ALERT new-terms/);
      assert.match(r.out, /ALERT term-divergence .*Jensen–Shannon divergence \(bits\) of query terms − its no-shift expectation ≥ 0\.05 with permutation p < 0\.001/);
      assert.match(r.out, /ALERT abstention-rate/);
      assert.match(r.out, /Drift detected\. What to do:/);
      assert.equal(posted.length, 1);
      assert.match((posted[0] as { text: string }).text, /drift signal\(s\) in tenant default: .*new-terms/);
      const quiet = await cli('monitor', 'check', '--window', 'hour', '--json');
      assert.equal(quiet.code, 0, 'the last hour holds too few entries to alert');
      assert.equal((posted[0] as { report: { alert: boolean; advice: string[] } }).report.alert, true, 'the whole report is posted');
      assert.equal((await cli('monitor', 'check', '--webhook', 'ftp://x')).code, 2);
      const down = await cli('monitor', 'check', '--webhook', 'http://127.0.0.1:9/hook/T0SECRET', '--json');
      assert.ok(!`${down.out}${down.err}`.includes('T0SECRET'), 'the webhook URL\'s path (its secret) is not printed');
      assert.equal(down.code, 1, 'a webhook that fails does not hide the alert');
      assert.equal(down.json().alert, true);
      assert.deepEqual([down.json().webhook.delivered, down.json().webhook.error.code], [false, 'PROVIDER_REQUEST_FAILED']);
      assert.match(down.err, /Warning: the drift alert was not posted to the webhook \(PROVIDER_REQUEST_FAILED\)/);
      const sent = await cli('monitor', 'check', '--json', '--webhook', url);
      assert.deepEqual(sent.json().webhook, { delivered: true });
    } finally {
      server.close();
    }
  });

  it('monitor check embeds a sample of each window\'s queries with the configured model (embedding-shift); --no-embeddings skips it', async () => {
    const embed = await startOpenAICompatibleServer({ embed: (texts) => texts.map((t) => (/kubernetes/.test(t) ? [1, 0, 0, 0] : [0, 1, 0, 0])) });
    try {
      writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ embedding: { provider: 'openai-compatible', baseURL: embed.url, model: 'test-embedding', dimensions: 4 } }));
      const r = await cli('monitor', 'check', '--json');
      assert.equal(r.code, 1, r.err);
      const s = r.json().signals.find((x: { name: string }) => x.name === 'embedding-shift');
      // The last day's 40 entries (a few may have left the window since they were logged) all moved to the other axis.
      assert.ok(s.status === 'alert' && s.n.baseline === 256 && s.n.current >= 30 && s.n.current <= 40 && s.current > 1.3 && s.baseline < 0.2, JSON.stringify(s));
      const embedded = embed.requests.flatMap((q) => (q.body as { input: string[] }).input);
      assert.equal(embedded.length, s.n.current + 256, 'a sample of 256 baseline queries, every current one');
      const calls = embed.requests.length;
      const skipped = (await cli('monitor', 'check', '--no-embeddings', '--json')).json();
      assert.equal(skipped.signals.some((x: { name: string }) => x.name === 'embedding-shift'), false);
      assert.equal(embed.requests.length, calls, 'no embedding calls with --no-embeddings');
    } finally {
      writeFileSync(join(dir, 'fathom.config.json'), '{}');
      await embed.close();
    }
  });
});
