import type { ArgsDef } from 'citty';
import { closestMatch } from '../../util/text/closest-match.js';
import { FathomError } from '../../util/errors.js';
import { validateJsonSchema } from '../../util/json-schema/validate-json-schema.js';
import { describeAllowed } from '../validation/describe-allowed.js';
import { _show } from '../validation/explain-issue.js';
import { nearestValue } from '../validation/nearest-value.js';
import { isRepeatable, type CheckedArgDef } from './option-schema.js';

interface Option { name: string; def: CheckedArgDef }

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The one check of a command line, before the command runs: every flag is known (else did-you-mean), every
 * string flag has a value, every value and positional satisfies its declared schema (types, ranges, enums), and
 * no stray positional is dropped. Throws INVALID_ARGUMENT (exit 2) naming the flag, the value, what is allowed
 * and the nearest valid value.
 */
export function checkArgs(argsDef: ArgsDef, rawArgs: readonly string[], command: string): void {
  const defs = Object.entries(argsDef) as Array<[string, CheckedArgDef]>;
  const byName = new Map<string, Option>();
  for (const [name, def] of defs) {
    if (def.type === 'positional') continue;
    for (const n of [name, _kebab(name), _camel(name), ...[(def as { alias?: string | string[] }).alias ?? []].flat()]) byName.set(n, { name, def });
  }
  const values: Array<{ flag: string; option: Option; value: string }> = [];
  const positionals: string[] = [];
  const takeValue = (flag: string, i: number): string => {
    const v = rawArgs[i];
    if (v === undefined) throw _error(`${flag} needs a value`, flag, undefined, byName.get(flag.replace(/^-+/, ''))?.def);
    return v;
  };
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i]!;
    if (arg === '--') {
      positionals.push(...rawArgs.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const raw = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const negated = raw.startsWith('no-') && !byName.has(raw) && byName.get(raw.slice(3))?.def.type === 'boolean';
      const option = byName.get(negated ? raw.slice(3) : raw);
      if (!option) throw _unknown(`--${raw}`, defs, command);
      if (option.def.type === 'boolean') continue;
      values.push({ flag: `--${raw}`, option, value: eq >= 0 ? arg.slice(eq + 1) : takeValue(`--${raw}`, ++i) });
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const option = byName.get(arg[j]!);
        if (!option) throw _unknown(`-${arg[j]}`, defs, command, arg);
        if (option.def.type === 'boolean') continue;
        const rest = arg.slice(j + 1).replace(/^=/, '');
        values.push({ flag: `-${arg[j]}`, option, value: rest !== '' ? rest : takeValue(`-${arg[j]}`, ++i) });
        break;
      }
    } else positionals.push(arg);
  }
  for (const { flag, option, value } of values) _checkValue(flag, value, option.def);
  const seen = new Map<string, string>();
  for (const { flag, option, value } of values) {
    const first = seen.get(option.name);
    if (first !== undefined && !isRepeatable(option.def)) {
      throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${flag} is given more than once (${_show(first)}, then ${_show(value)}): give it once.`, details: { flag, value } });
    }
    seen.set(option.name, value);
  }
  const positionalDefs = defs.filter(([, d]) => d.type === 'positional');
  positionalDefs.forEach(([name, def], i) => {
    if (positionals[i] !== undefined) _checkValue(name.toUpperCase(), positionals[i]!, def);
  });
  const last = positionalDefs.at(-1)?.[1];
  if (positionals.length > positionalDefs.length && !last?.variadic) {
    const extra = positionals.slice(positionalDefs.length);
    const expects = positionalDefs.length === 0 ? 'takes no positional arguments' : `takes ${positionalDefs.map(([n]) => n.toUpperCase()).join(' ')}`;
    throw new FathomError({
      code: 'INVALID_ARGUMENT',
      message: `Unexpected argument ${_show(extra[0])}: \`${_name(command)}\` ${expects}${positionalDefs.length ? ' (quote a value with spaces: "refund policy")' : ''}. See \`${_name(command)} --help\`.`,
      details: { argument: extra[0], command },
    });
  }
}

function _checkValue(flag: string, value: string, def: CheckedArgDef): void {
  const schema = def.schema;
  if (!schema) return;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const numeric = types.includes('integer') || types.includes('number');
  let coerced: unknown = value;
  let problem: string | undefined;
  if (numeric) {
    if (!DECIMAL.test(value.trim())) problem = value.trim() === '' ? 'an empty value' : 'not a decimal number';
    else if (!Number.isFinite(Number(value))) problem = 'not a finite number';
    else coerced = Number(value);
  }
  if (!problem && validateJsonSchema(schema, coerced).length === 0) return;
  throw _error(`${flag} ${_show(value)} is not allowed${problem ? ` (${problem})` : ''}`, flag, value, def);
}

function _error(head: string, flag: string, value: string | undefined, def: CheckedArgDef | undefined): FathomError {
  const allowed = def?.schema ? describeAllowed(def.schema) : def?.valueHint ? `a ${def.valueHint}` : 'a value';
  const suggestion = value === undefined ? undefined : nearestValue(def?.schema, value);
  return new FathomError({
    code: 'INVALID_ARGUMENT',
    message: `${head}: use ${allowed}${suggestion !== undefined ? ` — nearest valid value: ${_show(suggestion)}` : ''}.`,
    details: { flag, value, allowed, suggestion },
  });
}

function _unknown(flag: string, defs: Array<[string, CheckedArgDef]>, command: string, token = flag): FathomError {
  const long = defs.filter(([, d]) => d.type !== 'positional').map(([n]) => _kebab(n));
  const short = defs.flatMap(([, d]) => [(d as { alias?: string | string[] }).alias ?? []].flat()).filter((a) => a.length === 1);
  const bare = flag.replace(/^-+/, '');
  const match = closestMatch(bare, [...long, ...short]);
  const suggestion = match === undefined ? undefined : match.length === 1 ? `-${match}` : `--${match}`;
  return new FathomError({
    code: 'INVALID_ARGUMENT',
    message: `Unknown option ${_show(token)} for \`${_name(command)}\`${suggestion ? ` — did you mean ${suggestion}?` : '.'} ${long.length ? `Options: ${long.map((n) => `--${n}`).join(', ')}.` : 'It takes a subcommand.'} See \`${_name(command)} --help\`.`,
    details: { flag: token, command, suggestion },
  });
}

function _name(command: string): string {
  return command ? `fathom ${command}` : 'fathom';
}

function _kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function _camel(s: string): string {
  return s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
