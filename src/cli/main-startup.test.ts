import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { commandSummaries, mainCommand } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-startup-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const bin = fileURLToPath(new URL('../../bin/fathom.js', import.meta.url));

/** Run bin/fathom.js with a module hook that prints every module it loads to stderr. */
function loadedModules(args: string[]): { stdout: string; modules: string[] } {
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, "export async function load(url, context, next) { process.stderr.write(`LOAD ${url}\\n`); return next(url, context); }\n");
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, bin, ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return { stdout: r.stdout, modules: r.stderr.split('\n').filter((l) => l.startsWith('LOAD ')).map((l) => l.slice(5)) };
}

describe('CLI start-up', () => {
  it('summarises every command exactly as the command describes itself', async () => {
    const subs = mainCommand.subCommands as Record<string, () => Promise<{ meta?: unknown }>>;
    assert.deepEqual(Object.keys(commandSummaries), Object.keys(subs));
    for (const [name, load] of Object.entries(subs)) {
      const meta = (await load()).meta as { description?: string } | (() => Promise<{ description?: string }>);
      const description = typeof meta === 'function' ? (await meta()).description : meta.description;
      assert.equal(commandSummaries[name], description, name);
    }
  });

  it('prints --help and --version without loading any command module', { timeout: 60_000 }, () => {
    for (const args of [['--help'], ['--version']]) {
      const { stdout, modules } = loadedModules(args);
      assert.ok(stdout.length > 0);
      assert.deepEqual(modules.filter((m) => /\/cli\/commands\//.test(m)), [], `${args.join(' ')} loaded command modules`);
    }
    assert.match(loadedModules(['--help']).stdout, /search\s+Search the indexed chunks/);
  });
});
