/**
 * Optional peer dependencies (the `pg` driver, node-llama-cpp, transformers.js, the OpenTelemetry SDK…) are imported
 * on first use through one loader, so a missing one always fails the same way: a DEPENDENCY_MISSING FathomError that
 * names what needs it, the exact `npm install` to run, and what to use instead.
 */
import { FathomError } from './errors.js';

/** Options of {@link importOptional}. */
export interface ImportOptionalOptions {
  /** What needs which package, the message's first clause: "The PostgreSQL store needs the `pg` driver". */
  need: string;
  /** The packages to install, pinned where fathom is tested against one version (`pg@8.23.1`). */
  packages: string[];
  /** What to do instead, ending the message: "use the SQLite store (omit --store / store.url)". */
  instead?: string;
  /** A note on installing them, added in the parenthesis (e.g. an environment variable). */
  note?: string;
}

/**
 * Run `load` (a literal `() => import('pkg')`, so types and bundlers see the specifier) and return the module; any
 * failure to load becomes DEPENDENCY_MISSING with `details.package` (the first package without its version).
 */
export async function importOptional<T>(load: () => Promise<T>, { need, packages, instead, note }: ImportOptionalOptions): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    const names = packages.map((p) => p.replace(/(.)@.*$/, '$1'));
    throw new FathomError({
      code: 'DEPENDENCY_MISSING',
      message: `${need}: run \`npm install ${packages.join(' ')}\` (${packages.length > 1 ? 'optional peer dependencies' : 'an optional peer dependency'} of fathom${note ? `; ${note}` : ''})${instead ? `, or ${instead}` : ''}.`,
      cause,
      details: { package: names[0], packages: names },
    });
  }
}
