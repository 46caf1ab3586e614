import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { QueryLogEntry } from '../../spec/audit.js';
import { startOpenAIChatServer, type ScriptedServer } from '../../testing/index.js';
import { runCliCaptured } from '../__fixtures__/run-cli.js';
import { spawnServe, type ServeProcess } from '../__fixtures__/spawn-serve.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-serve-judge-'));
const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args });
let judge: ScriptedServer;
let serve: ServeProcess | undefined;

before(async () => {
  mkdirSync(join(dir, 'kb'));
  writeFileSync(join(dir, 'kb', 'pricing.md'), '# Pricing\n\nThe Pro plan costs 49 dollars per month.\n');
  assert.equal((await cli('ingest', 'kb')).code, 0);
  assert.equal((await cli('ask', 'How much does the Pro plan cost?', '--model', 'extractive')).code, 0);
  judge = await startOpenAIChatServer();
});
after(async () => {
  if (serve && serve.child.exitCode === null) serve.child.kill('SIGKILL');
  await judge.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fathom serve with monitor.judge (a real process)', () => {
  it('its background scoring stores the judge\'s verdicts with the audit entry', async () => {
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ monitor: { online: { rate: 1, intervalMinutes: 60 }, judge: { model: 'openai-compatible:serve-judge', runs: 2, timeoutMs: 30000 } } }));
    serve = spawnServe({ cwd: dir, env: { OPENAI_BASE_URL: judge.url, OPENAI_API_KEY: 'k' } });
    await serve.url;
    const listening = JSON.parse(serve.logs().split('\n').find((l) => l.includes('"msg":"listening"'))!) as { onlineJudge: unknown };
    assert.deepEqual(listening.onlineJudge, { model: 'openai-compatible:serve-judge', runs: 2, timeoutMs: 30000 });
    const scored = async () => ((await cli('log', 'list', '--json')).json() as QueryLogEntry[])[0]!;
    let entry = await scored();
    for (let i = 0; i < 300 && !entry.online; i++) {
      await new Promise((r) => setTimeout(r, 200));
      entry = await scored();
    }
    assert.deepEqual(entry.online!.verdicts!.map((v) => [v.criterion, v.runs, v.model]), [['faithfulness', 2, 'openai-compatible:serve-judge'], ['relevance', 2, 'openai-compatible:serve-judge']]);
    assert.equal(judge.requests.length, 2 * 2, '1 answer × 2 criteria × 2 runs');
    assert.ok(judge.requests.every((q) => (q.body as { model: string }).model === 'serve-judge'));
    const exited = serve.exited;
    serve.child.kill('SIGTERM');
    assert.equal(await exited, 0, serve.logs());
  });
});
