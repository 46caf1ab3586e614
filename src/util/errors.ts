/**
 * FathomError: the one error type users see. Codes form a closed catalogue (a typo cannot compile);
 * each code has a category that maps to a CLI exit code and an HTTP status.
 */

export type ErrorCategory = 'user' | 'system' | 'provider';

/** The error catalogue: code → category and whether retrying may help. */
export const errorCatalog = {
  INVALID_ARGUMENT: { category: 'user', retryable: false },
  INVALID_CONFIG: { category: 'user', retryable: false },
  INVALID_SCHEMA: { category: 'user', retryable: false },
  STORE_NOT_FOUND: { category: 'user', retryable: false },
  PATH_NOT_ACCESSIBLE: { category: 'user', retryable: false },
  NOT_FOUND: { category: 'user', retryable: false },
  DOCUMENT_NOT_FOUND: { category: 'user', retryable: false },
  PATH_NOT_FOUND: { category: 'user', retryable: false },
  UNSUPPORTED_FORMAT: { category: 'user', retryable: false },
  FILE_TOO_LARGE: { category: 'user', retryable: false },
  FILE_EMPTY: { category: 'user', retryable: false },
  FILE_UNREADABLE: { category: 'user', retryable: false },
  FILE_MALFORMED: { category: 'user', retryable: false },
  BINARY_CONTENT: { category: 'user', retryable: false },
  INVALID_RECORD: { category: 'user', retryable: false },
  INVALID_DATASET: { category: 'user', retryable: false },
  TENANT_REQUIRED: { category: 'user', retryable: false },
  EMBEDDING_MISMATCH: { category: 'user', retryable: false },
  DEPENDENCY_MISSING: { category: 'user', retryable: false },
  MODEL_NOT_AVAILABLE: { category: 'user', retryable: false },
  INVALID_TENANT: { category: 'user', retryable: false },
  STORE_CORRUPT: { category: 'system', retryable: false },
  STORE_SCHEMA_TOO_NEW: { category: 'system', retryable: false },
  STORE_BUSY: { category: 'system', retryable: true },
  STORE_FAILED: { category: 'system', retryable: false },
  INTERRUPTED: { category: 'system', retryable: true },
  INTERNAL: { category: 'system', retryable: false },
  PROVIDER_REQUEST_FAILED: { category: 'provider', retryable: true },
  PROVIDER_RATE_LIMITED: { category: 'provider', retryable: true },
  PROVIDER_TIMEOUT: { category: 'provider', retryable: true },
  PROVIDER_AUTH_FAILED: { category: 'provider', retryable: false },
  PROVIDER_BAD_RESPONSE: { category: 'provider', retryable: false },
  TUNE_JOB_FAILED: { category: 'provider', retryable: false },
  TUNE_JOB_CANCELLED: { category: 'provider', retryable: false },
  LIMIT_EXCEEDED: { category: 'user', retryable: false },
  UNSAFE_PATH: { category: 'user', retryable: false },
  SYMLINK_SKIPPED: { category: 'user', retryable: false },
  UNAUTHENTICATED: { category: 'user', retryable: false },
  FORBIDDEN: { category: 'user', retryable: false },
  RATE_LIMITED: { category: 'user', retryable: true },
  PAYLOAD_TOO_LARGE: { category: 'user', retryable: false },
  REQUEST_TIMEOUT: { category: 'system', retryable: true },
  MODEL_CHECKSUM_MISMATCH: { category: 'provider', retryable: true },
  DASHBOARD_NOT_BUILT: { category: 'system', retryable: false },
  STORE_UNAVAILABLE: { category: 'system', retryable: true },
  VECTORS_UNAVAILABLE: { category: 'user', retryable: false },
} as const satisfies Record<string, { category: ErrorCategory; retryable: boolean }>;

export type ErrorCode = keyof typeof errorCatalog;

/** CLI exit codes by category (0 is success, 1 is reserved for failed gates/checks). */
export const exitCodes: Record<ErrorCategory, number> = { user: 2, system: 3, provider: 4 };

/** HTTP statuses by category. Specific codes may override (NOT_FOUND → 404, rate limits → 429). */
export const httpStatuses: Record<ErrorCategory, number> = { user: 400, system: 500, provider: 502 };

const marker = Symbol.for('fathom.error');

export interface FathomErrorOptions {
  code: ErrorCode;
  message: string;
  cause?: unknown;
  /** Structured details safe to show a user (paths, ids, limits). */
  details?: Record<string, unknown>;
}

export class FathomError extends Error {
  readonly [marker] = true;
  readonly code: ErrorCode;
  readonly category: ErrorCategory;
  readonly isRetryable: boolean;
  readonly details: Record<string, unknown>;

  constructor({ code, message, cause, details = {} }: FathomErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'FathomError';
    this.code = code;
    this.category = errorCatalog[code].category;
    this.isRetryable = errorCatalog[code].retryable;
    this.details = details;
  }

  /** True for FathomErrors from any copy of the package. */
  static isInstance(error: unknown): error is FathomError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }

  get exitCode(): number {
    return exitCodes[this.category];
  }

  get httpStatus(): number {
    if (this.code === 'NOT_FOUND' || this.code === 'DOCUMENT_NOT_FOUND') return 404;
    if (this.code === 'PROVIDER_RATE_LIMITED') return 429;
    if (this.code === 'PROVIDER_TIMEOUT') return 504;
    if (this.code === 'UNAUTHENTICATED') return 401;
    if (this.code === 'FORBIDDEN') return 403;
    if (this.code === 'RATE_LIMITED') return 429;
    if (this.code === 'PAYLOAD_TOO_LARGE') return 413;
    if (this.code === 'REQUEST_TIMEOUT') return 504;
    if (this.code === 'INTERRUPTED') return 503;
    return httpStatuses[this.category];
  }

  toJSON(): { error: { code: ErrorCode; category: ErrorCategory; message: string; retryable: boolean; details: Record<string, unknown> } } {
    return { error: { code: this.code, category: this.category, message: this.message, retryable: this.isRetryable, details: this.details } };
  }
}

/** Wrap anything thrown into a FathomError (unknown errors become INTERNAL). */
export function toFathomError(error: unknown, fallback: ErrorCode = 'INTERNAL'): FathomError {
  if (FathomError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FathomError({ code: fallback, message, cause: error });
}
