import type { TunedModelRecord } from '../../spec/tune-backend.js';
import { FathomError } from '../../util/errors.js';
import { _readRegistry } from './_registry-file.js';

/** One registered tuned model by name; NOT_FOUND names the registered ones. */
export async function getTunedModel({ registryPath, name }: { registryPath: string; name: string }): Promise<TunedModelRecord> {
  const { models } = await _readRegistry(registryPath);
  const found = models.find((m) => m.name === name);
  if (found) return found;
  const known = models.map((m) => m.name).join(', ') || 'none';
  throw new FathomError({ code: 'NOT_FOUND', message: `No tuned model named '${name}' in ${registryPath} (registered: ${known}); register it with \`fathom tune register\`.`, details: { name, registryPath } });
}
