/**
 * Document permissions inside a tenant.
 *
 * A document may carry an {@link AccessList}; a read may name a {@link Principal}. The store enforces the list
 * inside every read and search (in the same query as the tenant and the filter), so a principal never sees a
 * document, chunk, hit or version it may not read, and a search still returns `topK` hits it may read when
 * they exist.
 *
 * - A document with no access list, or an empty one, is readable by the whole tenant (the default).
 * - A document with a non-empty list is readable by a principal named in `principals`, or by a member of a group
 *   named in `groups`. Values are opaque strings compared exactly (e.g. `user:alice`, `service:bot`, `eng`).
 * - A read without `principal` is the trusted caller (the library, the CLI run by the store's owner): it sees
 *   every document of the tenant. Shells serving other people (the HTTP server) always pass one.
 */

/** Who may read a document, in addition to nobody: a principal named here, or a member of a group named here. */
export interface AccessList {
  /** Principal ids, exactly as identities name them (e.g. `user:alice`). */
  principals: string[];
  /** Group names (e.g. `eng`). */
  groups: string[];
}

/** The reader of a store call. */
export interface Principal {
  /** Principal id (e.g. `user:alice`). */
  id: string;
  /** Groups the principal belongs to. @default [] */
  groups?: string[];
}
