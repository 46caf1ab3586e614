/** The `pg` driver is an optional peer dependency: loaded on first use, with an actionable error when missing. */
import type * as PgModule from 'pg';
import { FathomError } from '../../util/errors.js';

export type Pg = typeof PgModule;

/** Import `pg` (its default export carries Pool and Client). */
export async function loadPg(): Promise<Pg> {
  try {
    const mod = (await import('pg')) as Pg & { default?: Pg };
    return mod.default ?? mod;
  } catch (error) {
    throw new FathomError({
      code: 'DEPENDENCY_MISSING',
      message: 'The PostgreSQL store needs the `pg` driver: run `npm install pg@8.23.1` (an optional peer dependency of fathom), or use the SQLite store (omit --store / store.url).',
      cause: error,
      details: { package: 'pg' },
    });
  }
}
