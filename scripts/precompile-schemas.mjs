// Build step (after tsc): compile every JSON Schema the CLI validates on start-up — fathom.config.json's and each
// command's option schemas — into standalone modules, dist/util/json-schema/_precompiled/<key>.cjs, one per schema
// (a command loads only the ones it checks), named by src/util/json-schema/_precompiled-key.ts's key of the schema's
// JSON text and carrying that text. A cold command then validates without loading ajv or compiling (ajv's load + the
// config schema's compile were about half of a cold `fathom search`); any other schema is compiled by ajv as before.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Ajv2020 } = require('ajv/dist/2020.js');
const standaloneCode = require('ajv/dist/standalone/index.js').default;
const addFormats = require('ajv-formats');
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const { mainCommand } = await import(`${dist}cli/main.js`);
const { precompiledKey } = await import(`${dist}util/json-schema/_precompiled-key.js`);
const { configSchema } = await import(`${dist}cli/config-schema.js`);
const schemas = new Map([[JSON.stringify(configSchema()), configSchema()]]);
const resolve = async (x) => (typeof x === 'function' ? await x() : await x);
async function walk(command) {
  const cmd = await resolve(command);
  for (const def of Object.values((await resolve(cmd.args)) ?? {})) if (def?.schema) schemas.set(JSON.stringify(def.schema), def.schema);
  for (const sub of Object.values((await resolve(cmd.subCommands)) ?? {})) await walk(sub);
}
await walk(mainCommand);

// The options of src/util/json-schema/_compile.ts, plus source code generation.
const out = `${dist}util/json-schema/_precompiled/`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [text, schema] of schemas) {
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, code: { source: true } });
  addFormats(ajv);
  // As _compile reads it: an older draft's `$schema` is dropped (read as 2020-12).
  const own = { ...schema };
  if (typeof own.$schema === 'string' && own.$schema.replace(/#$/, '') !== 'https://json-schema.org/draft/2020-12/schema') delete own.$schema;
  const code = standaloneCode(ajv, ajv.compile(own));
  writeFileSync(`${out}${precompiledKey(text)}.cjs`, `${code}\nmodule.exports.schemaText = ${JSON.stringify(text)};\n`);
}
console.log(`precompiled ${schemas.size} schemas into dist/util/json-schema/_precompiled/`);
