import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { CONFIG_FILE } from '../config.js';
import { configTemplate } from '../config-template.js';
import { emit, processIO } from '../io.js';
import type { CliIO } from '../io.js';

export const initCommand = defineCommand({
  meta: { name: 'init', description: `Write ${CONFIG_FILE} with commented defaults in the current directory` },
  args: {
    json: commonArgs.json,
    force: { type: 'boolean', description: 'Overwrite an existing config file' },
  },
  run({ args, data }) {
    const io = (data as CliIO | undefined) ?? processIO();
    const file = resolve(io.cwd, CONFIG_FILE);
    if (existsSync(file) && !args.force) {
      throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${file} already exists; pass --force to overwrite it.` });
    }
    writeFileSync(file, configTemplate);
    mkdirSync(resolve(io.cwd, '.fathom'), { recursive: true });
    emit(io, args.json, { config: file }, () => `Wrote ${file}\nNext: fathom ingest <folder>   then   fathom search "<question>"`);
    return 0;
  },
});
