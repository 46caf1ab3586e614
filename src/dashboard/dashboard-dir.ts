/**
 * Where the built dashboard lives: `<package>/dist/dashboard/app/`. The same relative path works from
 * `src/dashboard/` (tsx, tests) and from `dist/dashboard/` (the published package).
 */
import { fileURLToPath } from 'node:url';

export const DASHBOARD_DIR = fileURLToPath(new URL('../../dist/dashboard/app/', import.meta.url));
