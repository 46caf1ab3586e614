/**
 * The 13-line chat file with 11 planted problems from issue #18, as a new user would lint it: no options,
 * the default tokenizer and context window. Every problem must be found at its lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintDataset } from './lint-dataset.js';

const SYSTEM = { role: 'system', content: 'You are a FastAPI expert. Answer briefly.' };
const ex = (...turns: Array<[string, string]>): Record<string, unknown> => ({ messages: [SYSTEM, ...turns.map(([role, content]) => ({ role, content }))] });

const LINES = [
  /* 1 */ JSON.stringify(ex(['user', 'How do I declare an optional query parameter?'], ['assistant', 'Give it a default of None, e.g. `q: str | None = None`.'])),
  /* 2 exact duplicate of 1 */ JSON.stringify(ex(['user', 'How do I declare an optional query parameter?'], ['assistant', 'Give it a default of None, e.g. `q: str | None = None`.'])),
  /* 3 paraphrase of 1, same answer */ JSON.stringify(ex(['user', 'How do I declare an optional query param?'], ['assistant', 'Set its default to None, for example `q: str | None = None`.'])),
  /* 4 truncated */ JSON.stringify(ex(['user', 'What is dependency injection in FastAPI?'], ['assistant', 'Dependency injection means your code declares'])),
  /* 5 unknown message key */ JSON.stringify({ messages: [SYSTEM, { role: 'user', content: 'Say hello to the new team member.' }, { role: 'assistant', content: 'Hello', extra: 1 }] }),
  /* 6 unknown top-level key */ JSON.stringify({ ...ex(['user', 'Which server runs a FastAPI app in production?'], ['assistant', 'Uvicorn, usually behind Gunicorn workers.']), bogus: true }),
  /* 7 invalid JSON */ '{"messages": [{"role": "system", "content": "You are a FastAPI expert. Answer briefly."}, {"role": "user", "content": "How do I add CORS?"}',
  /* 8 unknown role */ JSON.stringify(ex(['user', 'How do I serve static files?'], ['bot', 'Mount StaticFiles on a path with app.mount.'])),
  /* 9 empty answer */ JSON.stringify(ex(['user', 'How do I read a request header?'], ['assistant', ''])),
  /* 10 contradiction with 11 */ JSON.stringify(ex(['user', 'How do I return a 404 error?'], ['assistant', 'Raise HTTPException(status_code=404, detail="Not found").'])),
  /* 11 */ JSON.stringify(ex(['user', 'How do I return a 404 error?'], ['assistant', 'Return a dictionary with an error message; the framework picks the status.'])),
  /* 12 two user turns */ JSON.stringify(ex(['user', 'How do I run background tasks?'], ['user', 'After the response is sent, I mean.'], ['assistant', 'Add a BackgroundTasks parameter and call add_task.'])),
  /* 13 no answer */ JSON.stringify(ex(['user', 'How do I write a middleware?'])),
];

const EXPECTED: Array<{ check: string; message: RegExp; lines: number[] }> = [
  { check: 'exact-duplicate', message: /2 identical examples/, lines: [1, 2] },
  { check: 'near-duplicate', message: /paraphrased prompts.*same answer/, lines: [1, 2, 3] },
  { check: 'truncated', message: /mid-sentence/, lines: [4] },
  { check: 'target-schema', message: /unknown key in a message "extra"/, lines: [5] },
  { check: 'target-schema', message: /unknown top-level key "bogus"/, lines: [6] },
  { check: 'schema', message: /invalid JSON/, lines: [7] },
  { check: 'roles', message: /unknown role "bot"/, lines: [8] },
  { check: 'empty-turn', message: /empty assistant turn/, lines: [9] },
  { check: 'contradiction', message: /same input, different answers/, lines: [10, 11] },
  { check: 'roles', message: /two user turns in a row/, lines: [12] },
  { check: 'roles', message: /no assistant turn/, lines: [13] },
];

test('issue #18: the 13-line file — all 11 problems found at their lines, plus the small-sample diversity warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-lint13-'));
  try {
    const path = join(dir, 'fastapi.jsonl');
    writeFileSync(path, `${LINES.join('\n')}\n`);
    const report = await lintDataset({ path });
    const shown = JSON.stringify(report.findings.map((f) => [f.check, f.message, f.lines]), null, 1);
    for (const want of EXPECTED) {
      const found = report.findings.find((f) => f.check === want.check && want.message.test(f.message));
      assert.ok(found, `missing ${want.check} ${want.message}; got ${shown}`);
      assert.deepEqual(found.lines, want.lines, `${want.check} ${found.message}`);
    }
    const diversity = report.findings.find((f) => f.check === 'diversity');
    assert.ok(diversity, shown);
    assert.equal(diversity.severity, 'warning');
    assert.match(diversity.message, /12 of 12 examples \(100%\) share one system prompt; a sample of 12 is below the 20/);
    assert.equal(report.findings.length, EXPECTED.length + 1, shown);
    assert.equal(report.summary.diversity!.user!.turns, 13); // line 12 has two user turns
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
