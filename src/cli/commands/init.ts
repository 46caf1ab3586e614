import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import { formatBytes, modelCatalog } from '../../models/index.js';
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
    const local = modelCatalog.find((m) => m.role === 'generation')!;
    const recommendedModel = { name: local.name, format: local.format, approxBytes: local.approxBytes, command: `fathom models pull ${local.name}` };
    emit(io, args.json, { config: file, recommendedModel }, () => [
      `Wrote ${file}`,
      'Next: fathom ingest <folder>   then   fathom search "<question>"',
      `Answers come from the offline extractive answerer; for a local generative model (~${formatBytes(local.approxBytes)} ${local.format.toUpperCase()}, ${local.description}): ${recommendedModel.command}`,
    ].join('\n'));
    return 0;
  },
});
