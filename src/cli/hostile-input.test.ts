/**
 * Hostile-input properties over the CLI, in-process through `runCli`: argument vectors generated from the real
 * option table (hostile values, unknown flags) and config files (random JSON trees, near-miss keys, wrong types).
 * Never INTERNAL, never a stack trace, never exit 0 on an invalid value, always a typed error naming the flag/key.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArgsDef, CommandDef } from 'citty';
import fc from 'fast-check';
import type { JsonSchema } from '../spec/chat-model.js';
import { configSchema } from './config-schema.js';
import { mainCommand } from './main.js';
import { isRepeatable, type CheckedArgDef } from './options/option-schema.js';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const STACK = /\n\s+at .+[:(]\d+:\d+/;
const TYPED = /^error \[[A-Z_]+\]: /m;
// Options that would reach the network, load models or write files where the test does not look.
const EXCLUDED = new Set(['model', 'judge', 'contextual-model', 'out']);
const COMMANDS = [['search'], ['ask'], ['docs', 'list'], ['docs', 'show'], ['log', 'list'], ['log', 'export']];

async function argsOf(path: string[]): Promise<ArgsDef> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking citty's resolvable command tree
  let cmd: CommandDef<any> = mainCommand;
  for (const name of path) {
    const subs = typeof cmd.subCommands === 'function' ? await cmd.subCommands() : await cmd.subCommands;
    const next = subs![name]!;
    cmd = typeof next === 'function' ? await (next as () => Promise<CommandDef>)() : await next;
  }
  return (typeof cmd.args === 'function' ? await cmd.args() : await cmd.args) as ArgsDef;
}

const hostileStrings = fc.oneof(
  fc.constantFrom('', ' ', '1e400', '-1e400', 'NaN', 'Infinity', '-0', '-1', '0', '0x10', '1_000', '1e3', '٣', '１', '\u0000', 'a\nb', '\u001b[31mred', '--', '-', '=', '\\', '"', '../../etc/passwd', '😀', 'ǅ', '\u202e', '9'.repeat(400)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constant('x'.repeat(10_000)),
);

/** A value for an option: mostly hostile, sometimes valid under the option's schema. */
function valueFor(def: CheckedArgDef): fc.Arbitrary<string> {
  const s = def.schema;
  if (s && Array.isArray(s.enum)) return fc.oneof(fc.constantFrom(...(s.enum as string[])), hostileStrings);
  if (s && (s.type === 'integer' || s.type === 'number')) {
    const lo = typeof s.minimum === 'number' ? s.minimum : 0;
    const hi = typeof s.maximum === 'number' ? Math.min(s.maximum, lo + 100) : lo + 100;
    return fc.oneof(fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }).map(String), hostileStrings);
  }
  return hostileStrings;
}

/** One generated flag: a known option (with its value for string options) or an unknown name. */
interface GenFlag { name: string; def?: CheckedArgDef; value?: string; unknown?: true; argv: string[] }

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Independent oracle: is this value invalid for the option? undefined when the table does not say. */
function invalid(name: string, def: CheckedArgDef, value: string): boolean | undefined {
  const s = def.schema as JsonSchema | undefined;
  if (name === 'tenant') {
    const t = value.trim();
    return t.length === 0 || t.length > 128 || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(t);
  }
  if (!s) return undefined;
  if (Array.isArray(s.enum)) return !s.enum.includes(value);
  if (s.type === 'integer' || s.type === 'number') {
    if (!DECIMAL.test(value.trim())) return true;
    const n = Number(value);
    if (!Number.isFinite(n) || (s.type === 'integer' && !Number.isInteger(n))) return true;
    if (typeof s.minimum === 'number' && n < s.minimum) return true;
    if (typeof s.exclusiveMinimum === 'number' && n <= s.exclusiveMinimum) return true;
    if (typeof s.maximum === 'number' && n > s.maximum) return true;
    return typeof s.exclusiveMaximum === 'number' && n >= s.exclusiveMaximum;
  }
  if (s.type === 'string' && typeof s.maxLength === 'number' && [...value].length > s.maxLength) return true;
  return undefined;
}

describe('hostile input (fast-check, in-process runCli)', () => {
  let dir: string;
  const stats = { cli: { tried: 0, typedErrors: 0, invalid: 0, ok: 0 }, config: { tried: 0, typedErrors: 0, invalid: 0, ok: 0 } };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-hostile-'));
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'refunds.md'), '# Refunds\n\nEnterprise customers may request a full refund within 30 days.\n');
    assert.equal((await runCliCaptured({ cwd: dir, args: ['ingest', 'kb'] })).code, 0);
    assert.equal((await runCliCaptured({ cwd: dir, args: ['ask', 'Who may request a refund?'] })).code, 0);
  });
  after(() => {
    console.log(`hostile-input counts: ${JSON.stringify(stats)}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('CLI argument vectors from the real option table', { timeout: 300_000 }, async (t) => {
    const tables = await Promise.all(COMMANDS.map(async (path) => ({ path, args: await argsOf(path) })));
    const vector = fc.constantFrom(...tables).chain(({ path, args }) => {
      const entries = Object.entries(args as Record<string, CheckedArgDef>).filter(([n]) => !EXCLUDED.has(n));
      const options = entries.filter(([, d]) => d.type !== 'positional');
      const positionals = entries.filter(([, d]) => d.type === 'positional');
      const flag: fc.Arbitrary<GenFlag> = fc.constantFrom(...options).chain(([name, def]): fc.Arbitrary<GenFlag> =>
        def.type === 'boolean' ? fc.constantFrom<GenFlag>({ name, def, argv: [`--${name}`] }, { name, def, argv: [`--no-${name}`] })
          : valueFor(def).map((value): GenFlag => ({ name, def, value, argv: [`--${name}`, value] })));
      const unknown: fc.Arbitrary<GenFlag> = fc.stringMatching(/^[a-z][a-z-]{0,12}$/).filter((n) => !(n in args) && !n.startsWith('no-') && n.length > 1).map((n): GenFlag => ({ name: n, unknown: true, argv: [`--${n}`, '1'] }));
      const positional = positionals.length ? fc.oneof(fc.constantFrom('refund', 'kb/refunds.md', 'enterprise refund'), hostileStrings) : fc.constant(undefined);
      return fc.record({
        path: fc.constant(path),
        positional,
        flags: fc.array(fc.oneof({ weight: 6, arbitrary: flag }, { weight: 1, arbitrary: unknown }), { maxLength: 4 }),
      });
    });
    await fc.assert(fc.asyncProperty(vector, async ({ path, positional, flags }) => {
      const argv = [...path, ...(positional !== undefined ? [positional] : []), ...flags.flatMap((f) => f.argv)];
      const r = await runCliCaptured({ cwd: dir, args: argv });
      stats.cli.tried += 1;
      const all = `${r.out}\n${r.err}`;
      assert.doesNotMatch(r.err, /\[INTERNAL\]/, `INTERNAL for ${JSON.stringify(argv)}: ${r.err}`);
      assert.doesNotMatch(all, STACK, `stack trace for ${JSON.stringify(argv)}`);
      if (r.code !== 0 && r.code !== 1) {
        assert.match(r.err, TYPED, `untyped failure for ${JSON.stringify(argv)}`);
        stats.cli.typedErrors += 1;
      } else stats.cli.ok += 1;
      const twice = flags.filter((f, i) => f.def && f.value !== undefined && !isRepeatable(f.def) && flags.findIndex((g) => g.name === f.name) !== i);
      const bad = [...twice, ...flags.filter((f) => f.unknown || (f.def && f.value !== undefined && invalid(f.name, f.def, f.value) === true))];
      const badQuery = typeof positional === 'string' && (positional.trim() === '' || positional.trim().length > 8192) && path[0] !== 'docs';
      if (bad.length > 0 || badQuery) {
        stats.cli.invalid += 1;
        assert.notEqual(r.code, 0, `exit 0 on invalid input ${JSON.stringify(argv)}`);
        if (bad.length > 0 && !badQuery) assert.ok(bad.some((f) => r.err.includes(`--${f.name}`)) || /Unexpected argument|Unknown option|[Qq]uery|question/.test(r.err), `error names no offending flag: ${JSON.stringify(argv)} → ${r.err}`);
      }
    }), { numRuns: 300, seed: 20261205, includeErrorInReport: true });
    t.diagnostic(`CLI vectors tried ${stats.cli.tried}, invalid ${stats.cli.invalid}, typed errors ${stats.cli.typedErrors}, succeeded ${stats.cli.ok}`);
  });

  it('config objects: random JSON trees, near-miss keys, wrong types', { timeout: 300_000 }, async (t) => {
    const schema = configSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    const topKeys = Object.keys(schema.properties);
    const nearMiss = (k: string) => fc.constantFrom(k.slice(1), k.slice(0, -1), `${k}s`, k.toUpperCase(), `${k[1] ?? ''}${k[0]}${k.slice(2)}`, ` ${k}`).filter((m) => m !== k && !topKeys.includes(m));
    const nested = topKeys.filter((k) => schema.properties[k]!.properties).map((k) => ({ key: k, inner: Object.keys(schema.properties[k]!.properties!) }));
    const config = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((value) => ({ value, invalid: typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).some((k) => !topKeys.includes(k)) ? true : undefined, key: undefined as string | undefined })),
      fc.constantFrom(...topKeys).chain((k) => nearMiss(k).map((m) => ({ value: { [m]: {} } as unknown, invalid: true as boolean | undefined, key: m as string | undefined }))),
      fc.constantFrom(...nested).chain(({ key, inner }) => fc.constantFrom(...inner).chain((i) => nearMiss(i).map((m) => ({ value: { [key]: { [m]: 1 } } as unknown, invalid: true as boolean | undefined, key: m as string | undefined })))),
      fc.constantFrom(...nested).chain(({ key, inner }) => fc.tuple(fc.constantFrom(...inner), fc.constantFrom<unknown>(null, 'abc', -1, 1e400, [], { x: 1 }, true)).map(([i, v]) => ({ value: { [key]: { [i]: v } } as unknown, invalid: undefined as boolean | undefined, key: i as string | undefined }))),
      fc.constantFrom(...topKeys).chain((k) => fc.constantFrom<unknown>(null, 5, 'x', [], true).map((v) => ({ value: { [k]: v } as unknown, invalid: undefined as boolean | undefined, key: k as string | undefined }))),
    );
    let n = 0;
    await fc.assert(fc.asyncProperty(config, async ({ value, invalid: isInvalid, key }) => {
      const sub = join(dir, `cfg-${n++}`);
      mkdirSync(sub);
      writeFileSync(join(sub, 'fathom.config.json'), JSON.stringify(value) ?? 'null');
      const r = await runCliCaptured({ cwd: sub, args: ['docs', 'list', '--store', join(dir, '.fathom', 'fathom.db')] });
      stats.config.tried += 1;
      assert.doesNotMatch(r.err, /\[INTERNAL\]/, `INTERNAL for ${JSON.stringify(value)}: ${r.err}`);
      assert.doesNotMatch(`${r.out}\n${r.err}`, STACK);
      if (r.code !== 0) {
        assert.match(r.err, TYPED);
        stats.config.typedErrors += 1;
      } else stats.config.ok += 1;
      if (isInvalid) {
        stats.config.invalid += 1;
        assert.equal(r.code, 2, `exit ${r.code} for invalid config ${JSON.stringify(value)}`);
        assert.match(r.err, /INVALID_CONFIG/);
        if (key) assert.ok(r.err.includes(key.trim()), `error does not name "${key}": ${r.err}`);
      }
      rmSync(sub, { recursive: true, force: true });
    }), { numRuns: 200, seed: 20261205 });
    t.diagnostic(`config objects tried ${stats.config.tried}, invalid ${stats.config.invalid}, typed errors ${stats.config.typedErrors}, accepted ${stats.config.ok}`);
  });
});
