import type { Principal } from '../spec/access.js';
import type { Identity } from '../spec/server.js';

/**
 * The reader every store read and search of a request runs as: the identity's principal and groups, so document
 * access lists are enforced inside each search (every role; an admin reads as its own principal too).
 */
export function readerOf(identity: Identity): Principal {
  return { id: identity.principal, groups: identity.groups };
}
