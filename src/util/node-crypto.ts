/**
 * `node:crypto`, loaded on first use. Requiring it costs ~12 ms of CPU, which a cold `fathom search` otherwise paid
 * only because the store's modules import it (for ids and temporary file names it never creates on a read).
 */
import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';

let _crypto: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  return (_crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto);
}
