/**
 * Metadata filters, applied inside a search (never after truncation).
 *
 * Keys name document fields (`collection`, `source`, `documentId`, `format`, `title`, `updatedAt`,
 * `modifiedAt`) or, otherwise, keys of the document's metadata (dotted paths allowed: `a.b`).
 * All conditions must hold (AND).
 */
export type FilterScalar = string | number | boolean;

export interface FilterOperators {
  eq?: FilterScalar;
  ne?: FilterScalar;
  in?: FilterScalar[];
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
}

/** A scalar means equality. */
export type FilterCondition = FilterScalar | FilterOperators;

export type MetadataFilter = Record<string, FilterCondition>;
