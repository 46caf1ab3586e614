import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = join(root, 'bin', 'fathom.js');

describe('the process entry (real child processes)', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-entry-'));
    mkdirSync(join(dir, 'kb'));
    const para = 'Refunds are granted within thirty days of purchase for every enterprise plan. ';
    writeFileSync(join(dir, 'kb', 'big.md'), `# Big\n\n${Array.from({ length: 3000 }, (_, i) => `${para}Line ${i}.`).join('\n\n')}\n`);
    const r = await runCliCaptured({ cwd: dir, args: ['ingest', 'kb'] });
    assert.equal(r.code, 0, r.err);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('output piped into a command that closes early ends quietly with exit 0 (no EPIPE stack)', { timeout: 60_000 }, () => {
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(bin)} docs show kb/big.md --text | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    assert.match(r.stdout, /exit=0/);
    assert.doesNotMatch(r.stderr, /EPIPE|Error|at /);
  });

  it('`npm run fathom -- --help` prints the usage', { timeout: 60_000 }, () => {
    const r = spawnSync('npm', ['run', '--silent', 'fathom', '--', '--help'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /USAGE/);
  });
});
