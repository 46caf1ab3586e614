import type { LoadedDocument, SourceFormat } from '../../spec/document.js';
import type { LoadEvent, LoaderInput } from '../../spec/loader.js';
import { normalizeText } from '../../util/text/normalize-text.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { limitExceeded } from '../limits/limit-exceeded.js';
import { escapeControls, hasControls } from '../../util/text/escape-controls.js';
import { skipFromError } from './skip-from-error.js';
import { parseAccessList } from '../../util/parse-access-list.js';

/** Resolved record options (defaults applied). */
export interface _RecordFields {
  textFields: string[];
  titleField: string;
  /** Candidates, first present wins. */
  idFields: string[];
  /** Undefined: every other scalar field (and the scalars of a `metadata` object). */
  metadataFields?: string[];
  aclField: string;
}

export function _recordFields(input: LoaderInput): _RecordFields {
  const o = input.options;
  return {
    textFields: o.textFields?.length ? o.textFields : ['text'],
    titleField: o.titleField ?? 'title',
    idFields: o.idField ? [o.idField] : ['_id', 'id'],
    ...(o.metadataFields ? { metadataFields: o.metadataFields } : {}),
    aclField: o.aclField ?? 'acl',
  };
}

const _isScalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function _fieldText(value: unknown): string {
  if (_isScalar(value)) return String(value);
  if (Array.isArray(value)) return value.filter(_isScalar).map(String).join('\n');
  return '';
}

/**
 * One parsed record → a document event, or a skip naming the line. `seen` maps ids to the line that first
 * used them, so a repeated id is reported instead of silently overwriting the earlier record.
 */
export function _recordToEvent(args: {
  record: Record<string, unknown>;
  line: number;
  input: LoaderInput;
  format: SourceFormat;
  fields: _RecordFields;
  seen: Map<string, number>;
}): LoadEvent {
  const { record, line, input, format, fields, seen } = args;
  const at = `${input.relativePath}#${line}`;
  const idField = fields.idFields.find((f) => _isScalar(record[f]) && String(record[f]) !== '');
  const recordId = idField === undefined ? undefined : String(record[idField]);
  if (recordId !== undefined && hasControls(recordId)) {
    return { type: 'skip', skip: { path: at, code: 'INVALID_RECORD', reason: `Record at line ${line} has an id with control characters ('${escapeControls(recordId)}'): ids are printed and used as keys; remove newlines and escape sequences from it.` } };
  }
  const id = recordId ?? at;
  const title = _fieldText(record[fields.titleField]).replace(/\s+/g, ' ').trim();
  let text = normalizeText(fields.textFields.map((f) => _fieldText(record[f]).trim()).filter(Boolean).join('\n\n'));
  if (!text && format === 'beir') text = normalizeText(title);
  const maxChars = loaderLimit(input.limits, 'extractedChars');
  if (text.length > maxChars) return { type: 'skip', skip: skipFromError(limitExceeded({ path: at, limit: 'extractedChars', value: text.length, max: maxChars, what: `record at line ${line} has` }), at, format) };
  if (!text) {
    return { type: 'skip', skip: { path: at, code: 'INVALID_RECORD', reason: `Record at line ${line} has no text in field(s) ${fields.textFields.map((f) => `'${f}'`).join(', ')}: fill it in, or set loaderOptions.textFields to the field that holds the text.` } };
  }
  const firstLine = seen.get(id);
  if (firstLine !== undefined) {
    return { type: 'skip', skip: { path: at, code: 'INVALID_RECORD', reason: `Record at line ${line} repeats id '${id}' first used at line ${firstLine}: ids must be unique within a file.` } };
  }
  let acl: LoadedDocument['acl'];
  const rawAcl = record[fields.aclField];
  if (rawAcl !== undefined && rawAcl !== null) {
    try {
      acl = parseAccessList(rawAcl, `access list in field '${fields.aclField}'`);
    } catch (error) {
      return { type: 'skip', skip: { path: at, code: 'INVALID_RECORD', reason: `Record at line ${line}: ${(error as Error).message} Write it as "user:alice,group:eng".` } };
    }
  }
  seen.set(id, line);
  const document: LoadedDocument = {
    id,
    source: recordId === undefined ? at : `${input.relativePath}#${recordId}`,
    title: title || id,
    text,
    format,
    ...(input.modifiedAt !== undefined ? { modifiedAt: input.modifiedAt } : {}),
    metadata: _metadata(record, fields, idField),
    ...(acl ? { acl } : {}),
  };
  return { type: 'document', document };
}

function _metadata(record: Record<string, unknown>, fields: _RecordFields, idField: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (fields.metadataFields) {
    for (const f of fields.metadataFields) if (record[f] !== undefined) out[f] = record[f];
    return out;
  }
  const used = new Set([...fields.textFields, fields.titleField, fields.aclField, ...(idField ? [idField] : [])]);
  const nested = record.metadata;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [k, v] of Object.entries(nested)) if (_isScalar(v)) out[k] = v;
  }
  for (const [k, v] of Object.entries(record)) if (!used.has(k) && _isScalar(v)) out[k] = v;
  return out;
}
