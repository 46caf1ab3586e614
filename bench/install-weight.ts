/**
 * Install weight: `npm pack` this checkout, then `npm install <tarball>` into an empty project — what a user
 * gets without the optional local-model runtimes — and time it; also the checkout's own node_modules size.
 * Writes bench/results/install-weight.json. Needs the npm registry.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const mb = (dir: string): number => Number(execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0]);
const packDir = mkdtempSync(join(tmpdir(), 'fathom-pack-'));
execFileSync('npm', ['pack', '--pack-destination', packDir], { cwd: root, stdio: 'ignore' });
const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
const project = mkdtempSync(join(tmpdir(), 'fathom-user-'));
writeFileSync(join(project, 'package.json'), '{"name":"user-project","version":"1.0.0","private":true}\n');
const started = performance.now();
execFileSync('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'ignore' });
const installSeconds = (performance.now() - started) / 1000;
const version = execFileSync(join(project, 'node_modules', '.bin', 'fathom'), ['--version'], { encoding: 'utf8' }).trim();
const result = {
  date: new Date().toISOString(),
  node: process.version,
  load: execFileSync('uptime', { encoding: 'utf8' }).trim(),
  tarballMB: Math.round(Number(execFileSync('du', ['-sk', tarball], { encoding: 'utf8' }).split('\t')[0]) / 102.4) / 10,
  userInstall: { megabytes: mb(join(project, 'node_modules')), seconds: Math.round(installSeconds), fathomVersion: version },
  checkoutNodeModulesMB: mb(join(root, 'node_modules')),
  target: 'user install without the optional model runtimes <= 150 MB',
  before: { userInstallMB: 1325, note: 'same procedure on 2026-12-05 with node-llama-cpp and @huggingface/transformers as optionalDependencies (commit 0a02192)' },
};
writeFileSync(join(import.meta.dirname, 'results', 'install-weight.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
rmSync(packDir, { recursive: true, force: true });
rmSync(project, { recursive: true, force: true });
