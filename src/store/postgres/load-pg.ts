/** The `pg` driver is an optional peer dependency: loaded on first use, with an actionable error when missing. */
import type * as PgModule from 'pg';
import { importOptional } from '../../util/import-optional.js';

export type Pg = typeof PgModule;

/** Import `pg` (its default export carries Pool and Client). */
export async function loadPg(): Promise<Pg> {
  const mod = await importOptional(() => import('pg') as Promise<Pg & { default?: Pg }>, {
    need: 'The PostgreSQL store needs the `pg` driver',
    packages: ['pg@8.23.1'],
    instead: 'use the SQLite store (omit --store / store.url)',
  });
  return mod.default ?? mod;
}
