import { dirname } from 'node:path';
import { defineCommand } from 'citty';
import { lineageOfDocument } from '../../lineage/index.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { emit } from '../io.js';

export const lineageCommand = defineCommand({
  meta: { name: 'lineage', description: 'Everything derived from a document: audit entries, online scores, feedback, golden items and training examples' },
  args: { ...commonArgs, id: { type: 'positional', description: 'Document id', required: true } },
  async run(ctx) {
    const c = cliContext(ctx);
    const l = await withStore(c, (store) => lineageOfDocument({ store, tenant: c.tenant, documentId: String(ctx.args.id), dataDir: dirname(c.storePath) }), { needsDocuments: false });
    emit(c.io, c.json, l, () => [
      `${l.documentId}${l.versionId ? ` (current version ${l.versionId})` : ' (not in the store)'}`,
      `Audit entries: ${l.auditEntries.length} (${l.auditEntries.filter((e) => e.scored).length} scored online, ${l.auditEntries.filter((e) => e.feedback).length} with feedback, ${l.auditEntries.filter((e) => e.redacted).length} redacted)`,
      ...l.auditEntries.slice(0, 20).map((e) => `  ${e.id}  ${new Date(e.at).toISOString()}`),
      `Derived artefacts: ${l.artefacts.length}`,
      ...l.artefacts.map((r) => `  ${r.kind.padEnd(17)} ${r.id}  ${r.path}  (from ${r.auditEntries.join(', ')}${r.documents.find((d) => d.documentId === l.documentId)?.versionId ? `, version ${r.documents.find((d) => d.documentId === l.documentId)!.versionId}` : ''})`),
    ].join('\n'));
    return 0;
  },
});
