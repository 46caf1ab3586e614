// Build step (after tsc): compile every JSON Schema the CLI validates on start-up — fathom.config.json's and each
// command's option schemas — into one standalone module, dist/util/json-schema/_precompiled.cjs. A cold command
// then validates without loading ajv or compiling (ajv's load + the config schema's compile were most of a cold
// `fathom search`); a schema not in the table is compiled by ajv as before. Keys are the schemas' JSON text.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Ajv2020 } = require('ajv/dist/2020.js');
const standaloneCode = require('ajv/dist/standalone/index.js').default;
const addFormats = require('ajv-formats');
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const { mainCommand } = await import(`${dist}cli/main.js`);
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
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, code: { source: true } });
addFormats(ajv);
const keys = {};
const exports = {};
let i = 0;
for (const [text, schema] of schemas) {
  // As _compile reads it: an older draft's `$schema` is dropped (read as 2020-12). An id to export it by.
  const own = { ...schema, $id: schema.$id ?? `fathom:precompiled:${i}` };
  const id = own.$id;
  if (typeof own.$schema === 'string' && own.$schema.replace(/#$/, '') !== 'https://json-schema.org/draft/2020-12/schema') delete own.$schema;
  ajv.addSchema(own);
  keys[text] = `v${i}`;
  exports[`v${i}`] = id;
  i++;
}
const code = standaloneCode(ajv, exports);
writeFileSync(`${dist}util/json-schema/_precompiled.cjs`, `${code}\nexports.keys = ${JSON.stringify(keys)};\n`);
console.log(`precompiled ${schemas.size} schemas into dist/util/json-schema/_precompiled.cjs`);
