/**
 * The server contract (`fathom serve`): who is asking (Identity), how API keys are stored, the server's
 * configuration, and the request bodies of the HTTP API. The JSON Schemas that validate these bodies (and
 * generate `/openapi.json`) live in `src/server/schemas/`; they describe exactly these types.
 */
import type { MetadataFilter } from './filter.js';
import type { FusionOptions, RetrievalMode } from './retrieve.js';

/**
 * What a role may do. Each role includes the ones before it:
 * - `reader`: search, ask, list/show documents, own audit entries, feedback, chat completions;
 * - `writer`: + ingest uploads and delete documents;
 * - `admin`: + API keys, server-side path ingest, the whole audit log of the tenant.
 */
export type Role = 'reader' | 'writer' | 'admin';

/**
 * Who a request is from, resolved from the bearer credential only (never from the request body).
 * Every store call of the request is scoped to `tenant`; `principal` and `groups` are what document
 * access lists will be checked against inside every search (next step of issue #14).
 */
export interface Identity {
  tenant: string;
  /** e.g. `user:alice`, `service:billing-bot`. */
  principal: string;
  /** e.g. `['team:support', 'eu']`. */
  groups: string[];
  role: Role;
  /** How the identity was established. */
  via: 'api-key' | 'oidc';
  /** The API key's id (`key_…`) when `via` is `api-key`; rate limits are per key (else per principal). */
  keyId?: string;
}

/**
 * An API key as stored: only the SHA-256 of the secret, never the secret. The secret (`fk_` + 43
 * base64url characters = 32 random bytes) is shown once, when the key is created.
 */
export interface ApiKeyRecord {
  /** Stable public id, `key_` + the first 12 hex digits of the hash. */
  id: string;
  /** Hex SHA-256 of the whole secret string (prefix included). */
  hash: string;
  /** The secret's first 7 characters (`fk_` + 4), to recognise a key in listings. */
  prefix: string;
  tenant: string;
  principal: string;
  groups: string[];
  role: Role;
  /** Free-text label. */
  name?: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms; a revoked key authenticates nothing. */
  revokedAt?: number;
}

/** OIDC / JWT bearer tokens, verified with `jose` against a JWKS URL. */
export interface OidcConfig {
  /** Where the signing keys are published, e.g. `https://idp.example.com/.well-known/jwks.json`. */
  jwksUrl: string;
  /** Required `iss`. */
  issuer: string;
  /** Required `aud` (one of). */
  audience: string | string[];
  /** Allowed clock skew for `exp` / `nbf`, seconds. @default 30 */
  clockToleranceSec?: number;
  /** Claim holding the principal. @default 'sub' (the principal becomes `user:<sub>`) */
  principalClaim?: string;
  /** Claim holding the groups (array or space/comma-separated string). @default 'groups' */
  groupsClaim?: string;
  /** Claim holding the role. @default 'fathom_role' */
  roleClaim?: string;
  /** Role when the claim is absent. @default 'reader' */
  defaultRole?: Role;
  /** Claim holding the tenant. Without it every token maps to `tenant`. @default none */
  tenantClaim?: string;
  /** The tenant of tokens without a tenant claim. @default 'default' */
  tenant?: string;
}

/** `server` in fathom.config.json; every field optional. */
export interface ServerConfig {
  /** @default 8787 */
  port?: number;
  /** Loopback unless set: the API is not exposed by accident. @default '127.0.0.1' */
  host?: string;
  /** Largest JSON body, bytes. @default 1 MiB */
  bodyLimitBytes?: number;
  /** Largest multipart upload, bytes. @default 50 MiB */
  uploadLimitBytes?: number;
  /** A request taking longer is aborted with REQUEST_TIMEOUT (504). @default 60000 */
  requestTimeoutMs?: number;
  /** Per API key (or OIDC principal) token bucket; `false` disables. @default { requestsPerMinute: 600, burst: 60 } */
  rateLimit?: false | { requestsPerMinute: number; burst?: number };
  /** Allowed browser origins; `false` sends no CORS headers. @default false */
  cors?: false | { origins: string[] };
  oidc?: OidcConfig;
  /** How long shutdown waits for in-flight requests and jobs, ms. @default 10000 */
  drainTimeoutMs?: number;
  /**
   * Names this server process among those sharing one store: the jobs it runs are recorded under it, and after a
   * restart it resumes exactly those. Give each process on one store its own. @default `<host>:<port>` (`fathom serve`), 'default' (createServer)
   */
  instanceId?: string;
  /** OpenTelemetry export (`fathom serve`): spans sent over OTLP/HTTP to this URL, e.g. `http://127.0.0.1:4318/v1/traces`. @default none */
  tracing?: { otlpUrl: string; serviceName?: string };
  /**
   * Prompt variants callers may choose (`prompt` of `/v1/ask`, a pipeline's `prompt`): a JSON file of
   * `[{ id, system?, instructions?, examples? }]`, relative to the config file. `fathom serve --prompt` overrides it. @default none
   */
  prompts?: string;
  /**
   * More named pipelines (`fathom serve` builds them; `createServer` takes them as `pipelines`): the `model` of
   * `/v1/chat/completions`, listed by `GET /v1/models`. `fathom-rag` is always there unless redefined here. @default none
   */
  pipelines?: Record<string, PipelineConfig>;
  /**
   * How long a verified API key is remembered, ms (no hash and no store read per request). A revocation through this
   * process's store is effective at once; one made by another process (`fathom keys revoke`, another server) within
   * this bound. 0 looks every request up. @default 1000
   */
  apiKeyCacheMs?: number;
}

/** One pipeline in fathom.config.json (`server.pipelines.<name>`): retrieval settings + generator + prompt. */
export interface PipelineConfig {
  /** `llama-cpp:<file.gguf>`, `openai-compatible:<model>`, `anthropic:<model>` or `extractive`. @default the server's generator */
  model?: string;
  /** @default the server's search mode */
  mode?: RetrievalMode;
  /** Sources retrieved. @default 5 */
  topK?: number;
  /** Use the server's reranker. @default false */
  rerank?: boolean;
  /** Abstain below this sufficiency (model) / confidence (extractive). @default the library's default */
  abstentionThreshold?: number;
  /** Reply limit in tokens. @default 512 */
  maxOutputTokens?: number;
  /** A prompt variant's id (`server.prompts` / `--prompt`; `CreateServerOptions.prompts`): this pipeline's answers use it unless a request names another. @default the built-in prompt */
  prompt?: string;
}

/** `POST /v1/search`: every option of `fathom search`. */
export interface SearchRequest {
  query: string;
  /** @default the server's search.topK */
  k?: number;
  mode?: RetrievalMode;
  fusion?: FusionOptions;
  rerank?: boolean;
  mmr?: boolean | { lambda?: number };
  parent?: boolean;
  halfLifeDays?: number;
  filter?: MetadataFilter;
  /** Include every stage's score and the stage timings (always included; kept for CLI parity). */
  explain?: boolean;
}

/** `POST /v1/ask`: every option of `fathom ask` (the model is the server's pipeline). */
export interface AskRequest {
  question: string;
  /** @default 5 */
  k?: number;
  mode?: RetrievalMode;
  filter?: MetadataFilter;
  /** Answer as server-sent events (`text-delta`, `citations`, `answer`). @default false */
  stream?: boolean;
  /** Pipeline name (`GET /v1/models`). @default 'fathom-rag' */
  pipeline?: string;
  /** 2: multi-hop retrieval (a second query from the first hop's bridge entities); the hops are in the audit entry. @default 1 */
  hops?: 1 | 2;
  /** A prompt variant's id (`GET /v1/prompts`); recorded in the audit entry's metadata as `promptVariant`. Generative pipelines only (the extractive answerer has no prompt). @default the built-in prompt */
  prompt?: string;
}

/** `POST /v1/audit/{id}/feedback`: feedback on an answer, stored with its audit entry. */
export interface FeedbackRequest {
  rating?: 'up' | 'down';
  /** What the answer should have said. */
  correction?: string;
  comment?: string;
}

/** A feedback record in the API's shape (stored in the audit entry itself: `Store.annotateQueryLog`). */
export interface FeedbackRecord extends FeedbackRequest {
  principal: string;
  /** Epoch ms. */
  at: number;
}

/** A long operation run by the server (ingest). */
export interface ServerJob {
  id: string;
  kind: 'ingest' | 'eval' | 'monitor-score';
  tenant: string;
  principal: string;
  /**
   * `interrupted`: stopped by a shutdown after its last checkpoint (ingest: committed batches; eval: cached
   * results); the server that owns it resumes it when it starts again.
   */
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';
  /** The server instance running it (`server.instanceId`); only that instance resumes it. */
  owner?: string;
  /** Epoch ms of the owner's last sign of life (written every few seconds while it runs). */
  heartbeatAt?: number;
  /** Times the job was resumed after a restart. */
  resumed?: number;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  /** Latest progress counters (the ingest progress event). */
  progress?: Record<string, unknown>;
  /** The final report (ingest: the IngestReport). */
  result?: unknown;
  error?: { code: string; message: string };
}

/** A RAG pipeline served under a name (`model` of the OpenAI-compatible endpoint). */
export interface PipelineInfo {
  name: string;
  /** `provider:modelId`, or `extractive`. */
  model: string;
  mode: RetrievalMode;
  topK: number;
}
