import type { TunedModelRecord } from '../../spec/tune-backend.js';
import { _readRegistry } from './_registry-file.js';

/** Every registered tuned model, in registration order (empty when the registry file does not exist). */
export async function listTunedModels({ registryPath }: { registryPath: string }): Promise<TunedModelRecord[]> {
  return (await _readRegistry(registryPath)).models;
}
