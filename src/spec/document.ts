/**
 * Documents and their versions.
 *
 * A document is the stable identity of one source (a file path, a URI, or a record id). Its content
 * changes over time; each distinct content is a {@link DocumentVersion}. Exactly one version is current;
 * older versions are kept for audit, marked superseded, and are never retrieved.
 */

import type { AccessList } from './access.js';

/** Free-form metadata. Values are JSON; filters compare strings, numbers and booleans. */
export type Metadata = Record<string, unknown>;

/** A span of the normalised text that came from one page of a paged source (PDF). */
export interface PageSpan {
  /** 1-based page number. */
  page: number;
  /** Start offset (inclusive) into the normalised text, in UTF-16 code units. */
  start: number;
  /** End offset (exclusive) into the normalised text, in UTF-16 code units. */
  end: number;
}

/** Source formats the loaders understand. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'jsonl' | 'csv' | 'beir' | 'ipynb' | 'rst' | 'asciidoc' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'rtf';

/**
 * What a loader produces: one document's normalised text and what is known about it.
 * Nothing is stored until the whole source has been read, so a failing file never leaves a partial document.
 */
export interface LoadedDocument {
  /** Stable id. Defaults to the source URI (a relative path for files); records use their id field. */
  id: string;
  /** Where the content came from: a path relative to the ingest root, or a URI, plus `#id` for records. */
  source: string;
  /** Human title: first heading, `<title>`, the PDF title, a record's title field, or the file name. */
  title: string;
  /** Normalised text (NFC, `\n` line ends, no trailing spaces, at most two consecutive blank lines). Chunk offsets point into it. */
  text: string;
  format: SourceFormat;
  /** Page spans for paged sources, in order, covering the text. */
  pages?: PageSpan[];
  /** Source modification time, epoch milliseconds, when known (used by freshness rules). */
  modifiedAt?: number;
  metadata: Metadata;
  /**
   * Who may read the document (a Markdown front-matter `acl:` key, a record's ACL field). Undefined: the ingest run's
   * default, else the whole tenant.
   */
  acl?: AccessList;
}

/** A stored document: the identity of a source within a tenant. */
export interface Document {
  tenant: string;
  id: string;
  /** Collection (owner group) the document belongs to. @default 'default' */
  collection: string;
  source: string;
  title: string;
  format: SourceFormat;
  /** Hash of the current version's normalised text (hex SHA-256). */
  contentHash: string;
  /** Id of the current version. */
  currentVersionId: string;
  /** Number of versions ever stored, including the current one. */
  versionCount: number;
  metadata: Metadata;
  /** Epoch ms of first ingest. */
  createdAt: number;
  /** Epoch ms of the last new version. */
  updatedAt: number;
  /** Source modification time, epoch ms, when known. */
  modifiedAt?: number;
  /** Who may read the document; undefined when the whole tenant may (see `spec/access.ts`). */
  acl?: AccessList;
}

/** One content of a document. */
export interface DocumentVersion {
  tenant: string;
  id: string;
  documentId: string;
  /** 1-based, increasing. */
  version: number;
  contentHash: string;
  /** The normalised text of this version; chunk offsets point into it. */
  text: string;
  pages?: PageSpan[];
  status: 'current' | 'superseded';
  createdAt: number;
  /** Epoch ms at which a newer version replaced this one. */
  supersededAt?: number;
  metadata: Metadata;
}
