import { entriesTouching, readLineage, reachDerived } from '../../lineage/index.js';
import { formatDerived, withDerived } from './_derived-receipt.js';
import { dirname } from 'node:path';
import { defineCommand } from 'citty';
import { forgetDocuments } from '../../ingest/index.js';
import type { Document } from '../../spec/document.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { emit } from '../io.js';
import { parseFilter } from '../parse-filter.js';
import { repeated } from '../repeated.js';
import { formatReceipt } from '../format-receipt.js';
import { rules } from '../options/option-schema.js';
import { parsePrincipal, principalArgs } from '../principal-args.js';
import { formatAccessList, parseAccessList } from '../../util/parse-access-list.js';

const list = defineCommand({
  meta: { name: 'list', description: 'List documents (current versions)' },
  args: {
    ...commonArgs,
    filter: { type: 'string', description: 'key=value, key>=n, key=a|b … (repeatable)', valueHint: 'expr' },
    limit: { type: 'string', schema: rules.limit, description: 'Most documents to list', default: '100' },
    after: { type: 'string', description: 'List documents whose id sorts after this one (paging)', valueHint: 'id' },
    ...principalArgs,
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const principal = parsePrincipal(ctx.args);
    const docs = await withStore(c, (store) =>
      store.listDocuments({ tenant: c.tenant, filter: parseFilter(repeated(ctx.rawArgs, 'filter')), limit: Number(ctx.args.limit), afterId: ctx.args.after as string | undefined, ...(principal ? { principal } : {}) }),
    );
    emit(c.io, c.json, { documents: docs }, () =>
      docs.length === 0 ? `No documents in tenant ${c.tenant}.` : docs.map((d) => `${d.id}  v${d.versionCount}  ${d.format}  ${d.collection}  ${d.title}`).join('\n'),
    );
    return 0;
  },
});

const show = defineCommand({
  meta: { name: 'show', description: 'Show a document with its versions and chunks' },
  args: {
    ...commonArgs,
    id: { type: 'positional', description: 'Document id', required: true },
    text: { type: 'boolean', description: 'Print the current text' },
    ...principalArgs,
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const id = String(ctx.args.id);
    const principal = parsePrincipal(ctx.args);
    const as = principal ? { principal } : {};
    const found = await withStore(c, async (store) => {
      const document = await store.getDocument({ tenant: c.tenant, id, ...as });
      if (!document) return undefined;
      const versions = await store.listVersions({ tenant: c.tenant, documentId: id, ...as });
      const chunks = await store.listChunks({ tenant: c.tenant, documentId: id, ...as });
      return { document, versions, chunks };
    });
    if (!found) throw new FathomError({ code: 'DOCUMENT_NOT_FOUND', message: `No document "${id}" in tenant "${c.tenant}". List ids with \`fathom docs list\`.` });
    const { document: d, versions, chunks } = found;
    emit(c.io, c.json, { document: d, versions: versions.map(({ text: _t, ...v }) => v), chunks }, () => {
      const lines = [`${d.id} — ${d.title}`, `  source ${d.source}  format ${d.format}  collection ${d.collection}  hash ${d.contentHash.slice(0, 12)}`];
      lines.push(`  acl ${d.acl && (d.acl.principals.length || d.acl.groups.length) ? formatAccessList(d.acl) : '(whole tenant)'}`);
      for (const v of versions) lines.push(`  v${v.version} ${v.status}${v.supersededAt ? ` (superseded ${new Date(v.supersededAt).toISOString()})` : ''} ${new Date(v.createdAt).toISOString()}`);
      lines.push(`  ${chunks.length} chunks:`);
      for (const ch of chunks) lines.push(`    #${ch.ordinal} [${ch.start}-${ch.end}] ${ch.role} ${ch.tokenCount} tok ${ch.headingPath.join(' › ')}`);
      if (ctx.args.text) lines.push('', versions.find((v) => v.status === 'current')?.text ?? '');
      return lines.join('\n');
    });
    return 0;
  },
});

const del = defineCommand({
  meta: { name: 'delete', description: 'Delete documents everywhere fathom wrote them (store, audit log, evaluation runs and cache) and print a receipt (right to be forgotten)' },
  args: {
    ...commonArgs,
    id: { type: 'positional', variadic: true, description: 'Document id(s)', required: false },
    filter: { type: 'string', description: 'Delete every document matching key=value … (repeatable)', valueHint: 'expr' },
    purge: { type: 'boolean', description: 'Also remove the golden items, review proposals and training examples derived from them (sets fathom wrote)' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const ids = ctx.args._.filter(Boolean) as string[];
    const filter = parseFilter(repeated(ctx.rawArgs, 'filter'));
    if (ids.length === 0 && !filter) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'Name document ids or give --filter key=value.' });
    const receipt = await withStore(c, async (store) => {
      const targets = [...ids];
      if (filter) {
        let after: string | undefined;
        for (;;) {
          const page: Document[] = await store.listDocuments({ tenant: c.tenant, filter, limit: 500, afterId: after });
          targets.push(...page.map((d) => d.id));
          if (page.length < 500) break;
          after = page[page.length - 1]!.id;
        }
      }
      const unique = [...new Set(targets)];
      const dataDir = dirname(c.storePath);
      const entries = readLineage({ dataDir, tenant: c.tenant }).length ? await entriesTouching({ store, tenant: c.tenant, documentIds: unique }) : [];
      const r = await forgetDocuments({ store, tenant: c.tenant, ids: unique, dataDir, sourceRoot: c.io.cwd });
      return withDerived(r, reachDerived({ dataDir, tenant: c.tenant, documentIds: unique, auditEntryIds: entries, purge: Boolean(ctx.args.purge) }));
    });
    emit(c.io, c.json, receipt, () => formatReceipt(receipt, `Deleted ${receipt.deleted.length} documents.`) + formatDerived(receipt));
    if (receipt.erasure.status === 'pending') c.io.err(`warning: ${receipt.erasure.message}\n`);
    // Nothing found and nothing left to clean (a re-run after an interrupted delete still finishes the artifacts): a user error.
    return receipt.missing.length > 0 && receipt.deleted.length === 0 && receipt.places.length === 0 ? 2 : 0;
  },
});

const acl = defineCommand({
  meta: { name: 'acl', description: 'Show or change who may read a document (no re-ingest)' },
  args: {
    ...commonArgs,
    id: { type: 'positional', description: 'Document id', required: true },
    set: { type: 'string', schema: { type: 'string', maxLength: 65536 }, description: 'New access list: "user:alice,group:eng"', valueHint: 'entries' },
    clear: { type: 'boolean', description: 'Remove the access list: the whole tenant may read' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const id = String(ctx.args.id);
    const { set, clear } = ctx.args;
    if (set !== undefined && clear) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'Give either --set "user:alice,group:eng" or --clear, not both.' });
    const next = set !== undefined ? parseAccessList(String(set), '--set') : undefined;
    const document = await withStore(c, async (store) => {
      if ((set !== undefined || clear) && !(await store.setDocumentAcl({ tenant: c.tenant, id, acl: next }))) return undefined;
      return store.getDocument({ tenant: c.tenant, id });
    });
    if (!document) throw new FathomError({ code: 'DOCUMENT_NOT_FOUND', message: `No document "${id}" in tenant "${c.tenant}". List ids with \`fathom docs list\`.` });
    const open = !document.acl || (document.acl.principals.length === 0 && document.acl.groups.length === 0);
    emit(c.io, c.json, { id, acl: open ? null : document.acl }, () => `${id}: ${open ? 'whole tenant may read' : formatAccessList(document.acl)}`);
    return 0;
  },
});

export const docsCommand = defineCommand({
  meta: { name: 'docs', description: 'List, show and delete documents; show or change their access lists' },
  subCommands: { list, show, delete: del, acl },
});
