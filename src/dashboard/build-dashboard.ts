/**
 * Bundle the dashboard (Preact + uPlot, `app/main.tsx`) with esbuild into `dist/dashboard/app/`: `main.js`,
 * `main.css` and `index.html` (no inline script or style, so the strict CSP holds). Run by `npm run build`
 * (`node --import tsx src/dashboard/build-dashboard.ts`); tests call `ensureDashboard()`. esbuild is a
 * dev dependency: the published package ships the built files, never this step.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DASHBOARD_DIR } from './dashboard-dir.js';

const _APP = fileURLToPath(new URL('./app/', import.meta.url));

const _INDEX = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fathom</title>
<link rel="stylesheet" href="./ui/main.css">
<script type="module" src="./ui/main.js"></script>
</head>
<body>
<div id="root"></div>
</body>
</html>
`;

export interface BuildDashboardOptions {
  /** @default dist/dashboard/app */
  outdir?: string;
  /** @default true */
  minify?: boolean;
}

/** Build the assets; returns each file's size in bytes. */
export async function buildDashboard({ outdir = DASHBOARD_DIR, minify = true }: BuildDashboardOptions = {}): Promise<Record<string, number>> {
  const { build } = await import('esbuild');
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(_APP, 'main.tsx')], bundle: true, format: 'esm', target: 'es2022', minify, outdir, logLevel: 'error',
    jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none', define: { 'process.env.NODE_ENV': '"production"' },
  });
  writeFileSync(join(outdir, 'index.html'), _INDEX);
  return Object.fromEntries(readdirSync(outdir).map((f) => [f, statSync(join(outdir, f)).size]));
}

/** Build unless `main.js` exists and is newer than every source file (esbuild takes well under a second). */
export async function ensureDashboard(options: BuildDashboardOptions = {}): Promise<void> {
  const main = join(options.outdir ?? DASHBOARD_DIR, 'main.js');
  const built = existsSync(main) ? statSync(main).mtimeMs : 0;
  const newest = Math.max(...readdirSync(_APP, { recursive: true }).map((f) => statSync(join(_APP, String(f))).mtimeMs));
  if (built < newest) await buildDashboard(options);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = await buildDashboard();
  console.log(`dashboard built in ${DASHBOARD_DIR}: ${Object.entries(sizes).map(([f, n]) => `${f} ${n} B`).join(', ')}`);
}
