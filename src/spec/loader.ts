/**
 * Loaders turn a file into documents. A file loader reads everything before it yields, so a file that
 * fails part-way yields nothing; record loaders (JSONL/CSV) yield one document per good record and report
 * bad records as skips.
 */
import type { LoadedDocument, SourceFormat } from './document.js';

export interface LoaderInput {
  /** Absolute path of the file. */
  path: string;
  /** Path relative to the ingest root (the default document id and source). */
  relativePath: string;
  bytes: Uint8Array;
  /** File modification time, epoch ms. */
  modifiedAt?: number;
  options: LoaderOptions;
  /**
   * Opens the file as a stream of byte chunks. Given to loaders with `streaming: true` (record formats),
   * which read it line by line instead of `bytes`; `bytes` is then empty. Absent → read `bytes`.
   */
  stream?: () => AsyncIterable<Uint8Array>;
  /** Resource limits the loader enforces while parsing (`ingest.limits.*`). Absent → the defaults. */
  limits?: Partial<LoaderLimits>;
  /**
   * Epoch ms by which the file must be parsed (its `ingest.limits.fileTimeoutMs` budget). Loaders that run
   * child processes (PDF OCR) bound them by it. Absent → now plus the default file budget.
   */
  deadline?: number;
}

/**
 * The resource limits a loader enforces itself (bounded parsing). Exceeding one is a `LIMIT_EXCEEDED` skip
 * naming `ingest.limits.<name>` and the value. Defaults in `DEFAULT_INGEST_LIMITS`.
 */
export interface LoaderLimits {
  /** Decompressed bytes of the XML parts of a DOCX (declared sizes, then checked while inflating). @default 64 MiB */
  decompressedBytes: number;
  /** Characters of text extracted from one file or record. @default 20,000,000 */
  extractedChars: number;
  /** Elements of one HTML page. @default 100,000 */
  elements: number;
  /** Nesting depth of one HTML page. @default 512 */
  depth: number;
  /** Pages of one PDF. @default 5,000 */
  pages: number;
  /** Characters (UTF-16 code units) of one JSONL line or one CSV row. @default 16 MiB */
  recordChars: number;
}

export interface LoaderOptions {
  /** For JSONL/CSV records: the field holding the text (several are joined by blank lines). @default ['text'] */
  textFields?: string[];
  /** For records: the field holding the title. @default 'title' */
  titleField?: string;
  /** For records: the field holding the id. @default '_id' then 'id' */
  idField?: string;
  /** For records: fields copied into metadata. @default every other scalar field */
  metadataFields?: string[];
  /**
   * For records: the field holding the document's access list (`"user:alice,group:eng"`, an array of such entries,
   * or `{ principals, groups }`); never copied into metadata. A record whose value does not parse is skipped. @default 'acl'
   */
  aclField?: string;
  /**
   * PDF pages without a usable text layer (scanned, or a garbage text layer): 'auto' rasterises and OCRs them
   * with the system's `pdftoppm` and `tesseract` when both are installed (Debian: tesseract-ocr,
   * tesseract-ocr-eng, poppler-utils), 'off' skips them with a reason. @default 'auto'
   */
  ocr?: 'auto' | 'off';
  /** Paths of the OCR programs. @default found on PATH */
  ocrTools?: { pdftoppm?: string; tesseract?: string };
}

/** Why a file or record was not ingested. */
export interface SkipReport {
  /** Path (and `#line` for records). */
  path: string;
  code: string;
  reason: string;
  /** For LIMIT_EXCEEDED: the limit (`ingest.limits.<name>`), the file's value and the maximum. */
  limit?: { name: string; value: number; max: number };
}

export type LoadEvent = { type: 'document'; document: LoadedDocument } | { type: 'skip'; skip: SkipReport };

export interface Loader {
  readonly name: string;
  readonly format: SourceFormat;
  /** Lower-case extensions with the dot, e.g. `['.md', '.markdown']`. */
  readonly extensions: string[];
  /**
   * True for record loaders that read `input.stream` line by line, so a large JSONL/CSV never sits in
   * memory whole; the caller then skips the whole-file size limit. @default false
   */
  readonly streaming?: boolean;
  load(input: LoaderInput): AsyncIterable<LoadEvent>;
}
