/**
 * JSON Schemas (draft 2020-12) of the request bodies. The same objects validate requests (`validateBody`)
 * and are published in `/openapi.json` (OpenAPI 3.1 uses JSON Schema 2020-12 as is). They describe the
 * types of `src/spec/server.ts`.
 */
import { goldenItemSchema } from '../../evaluate/index.js';

const scalar = { type: ['string', 'number', 'boolean'] };
const filter = {
  type: 'object',
  description: 'Metadata filter applied inside the search: key → value (equality) or operators.',
  additionalProperties: {
    oneOf: [scalar, { type: 'object', additionalProperties: false, properties: { eq: scalar, ne: scalar, in: { type: 'array', items: scalar }, gt: { type: ['number', 'string'] }, gte: { type: ['number', 'string'] }, lt: { type: ['number', 'string'] }, lte: { type: ['number', 'string'] } } }],
  },
};
const mode = { enum: ['bm25', 'vector', 'hybrid'] };
const k = { type: 'integer', minimum: 1, maximum: 1000 };

export const searchRequestSchema = {
  $id: 'SearchRequest',
  type: 'object',
  additionalProperties: false,
  required: ['query'],
  properties: {
    query: { type: 'string', minLength: 1, maxLength: 10_000 },
    k,
    mode,
    fusion: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['method'], properties: { method: { const: 'rrf' }, k: { type: 'number', exclusiveMinimum: 0 } } },
        { type: 'object', additionalProperties: false, required: ['method'], properties: { method: { const: 'convex' }, alpha: { type: 'number', minimum: 0, maximum: 1 }, normalization: { enum: ['minmax', 'zscore'] } } },
      ],
    },
    rerank: { type: 'boolean' },
    mmr: { oneOf: [{ type: 'boolean' }, { type: 'object', additionalProperties: false, properties: { lambda: { type: 'number', minimum: 0, maximum: 1 } } }] },
    parent: { type: 'boolean' },
    halfLifeDays: { type: 'number', exclusiveMinimum: 0 },
    filter,
    explain: { type: 'boolean' },
  },
} as const;

export const askRequestSchema = {
  $id: 'AskRequest',
  type: 'object',
  additionalProperties: false,
  required: ['question'],
  properties: { question: { type: 'string', minLength: 1, maxLength: 10_000 }, k, mode, filter, stream: { type: 'boolean' }, pipeline: { type: 'string' }, hops: { enum: [1, 2] }, prompt: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const feedbackRequestSchema = {
  $id: 'FeedbackRequest',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { rating: { enum: ['up', 'down'] }, correction: { type: 'string', maxLength: 20_000 }, comment: { type: 'string', maxLength: 20_000 } },
} as const;

export const deleteDocumentsRequestSchema = {
  $id: 'DeleteDocumentsRequest',
  type: 'object',
  additionalProperties: false,
  required: ['ids'],
  properties: { ids: { type: 'array', minItems: 1, maxItems: 10_000, items: { type: 'string', minLength: 1 } } },
} as const;

const _ocr = { enum: ['auto', 'off'], description: 'PDF pages without a text layer: auto = OCR with tesseract when the server has it, off = skip them. Default: the server config (ingest.ocr), else auto.' } as const;
export const ingestPathsRequestSchema = {
  $id: 'IngestPathsRequest',
  type: 'object',
  additionalProperties: false,
  required: ['paths'],
  properties: { paths: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }, collection: { type: 'string', minLength: 1 }, sync: { type: 'boolean' }, ocr: _ocr },
} as const;

const content = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object', required: ['type'], properties: { type: { type: 'string' }, text: { type: 'string' } } } }, { type: 'null' }] };
export const chatCompletionRequestSchema = {
  $id: 'ChatCompletionRequest',
  type: 'object',
  required: ['model', 'messages'],
  properties: {
    model: { type: 'string', description: 'A pipeline name from GET /v1/models.' },
    messages: { type: 'array', minItems: 1, items: { type: 'object', required: ['role'], properties: { role: { enum: ['system', 'developer', 'user', 'assistant', 'tool'] }, content } } },
    stream: { type: 'boolean' },
    temperature: { type: 'number', minimum: 0, maximum: 2 },
    max_tokens: { type: 'integer', minimum: 1 },
    max_completion_tokens: { type: 'integer', minimum: 1 },
  },
} as const;

export const embeddingsRequestSchema = {
  $id: 'EmbeddingsRequest',
  type: 'object',
  required: ['input'],
  properties: { model: { type: 'string' }, input: { oneOf: [{ type: 'string' }, { type: 'array', minItems: 1, maxItems: 2048, items: { type: 'string' } }] }, encoding_format: { enum: ['float', 'base64'] } },
} as const;

export const uploadRequestSchema = {
  $id: 'IngestUpload',
  type: 'object',
  required: ['files'],
  properties: {
    files: { type: 'array', items: { type: 'string', contentEncoding: 'binary' }, description: 'Files (.md, .txt, .html, .pdf, .docx, .jsonl, .csv); the file name becomes the document id.' },
    collection: { type: 'string' },
    textField: { type: 'string' },
    titleField: { type: 'string' },
    idField: { type: 'string' },
    ocr: _ocr,
  },
} as const;

const { $schema: _s, $id: _i, ...goldenItem } = goldenItemSchema() as Record<string, unknown>;
const principal = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 500 }, groups: { type: 'array', maxItems: 1000, items: { type: 'string', minLength: 1, maxLength: 500 } } } };

export const evalRunRequestSchema = {
  $id: 'EvalRunRequest',
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: { type: 'array', minItems: 1, maxItems: 10_000, items: goldenItem, description: 'The golden set: one object per line of a golden JSONL file (schemas/golden-item.schema.json).' },
    name: { type: 'string', maxLength: 200, description: 'Label of the golden set (recorded as the dataset path).' },
    modes: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['closed-book', 'rag', 'oracle'] } },
    pipeline: { type: 'string', description: 'Pipeline answering (GET /v1/models). @default fathom-rag' },
    k: { type: 'integer', minimum: 1, maximum: 100 },
    concurrency: { type: 'integer', minimum: 1, maximum: 16 },
    asPrincipal: { ...principal, description: 'Admin only: evaluate as this principal and groups (permission-aware answers). @default the caller' },
  },
} as const;

export const decideRequestSchema = {
  $id: 'DecideRequest',
  type: 'object',
  additionalProperties: false,
  properties: {
    answers: {
      type: 'object',
      additionalProperties: false,
      properties: {
        knowledgeChanges: { enum: ['never', 'yearly', 'quarterly', 'monthly', 'weekly', 'daily', 'continuous'] },
        citations: { enum: ['required', 'preferred', 'not-needed'] },
        latencyBudgetMs: { type: ['number', 'null'], minimum: 0 },
        onPrem: { type: 'boolean' },
        queriesPerMonth: { type: 'number', minimum: 0 },
        labelledExamples: { type: 'integer', minimum: 0 },
      },
    },
    costs: { type: 'object', description: 'Cost inputs (see `fathom decide --costs`): model, tunedModel, prices, retrievalInfraPerMonth, hostingPerMonth, trainingExamples…' },
  },
} as const;

export const compareRunsRequestSchema = {
  $id: 'CompareRunsRequest',
  type: 'object',
  additionalProperties: false,
  required: ['a', 'b'],
  properties: {
    a: { type: 'string', minLength: 1, description: 'Baseline run id' },
    b: { type: 'string', minLength: 1, description: 'Candidate run id' },
    gates: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1 }, description: 'e.g. "faithfulness < -0.02", "rag:recall@5 < -0.05"' },
    gateOn: { enum: ['delta', 'ci'] },
    samples: { type: 'integer', minimum: 100, maximum: 100_000 },
    seed: { type: 'integer', minimum: 0 },
  },
} as const;

const jsonl = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'object' } }], description: 'Chat-format training records: JSONL text, or an array of records' };
export const tuneJobRequestSchema = {
  $id: 'TuneJobRequest',
  type: 'object',
  additionalProperties: false,
  required: ['backend', 'baseModel', 'train'],
  properties: {
    backend: { type: 'string', minLength: 1, description: 'A configured fine-tuning backend (tune.backends)' },
    baseModel: { type: 'string', minLength: 1 },
    train: jsonl,
    validation: jsonl,
    hyperparameters: {
      type: 'object',
      additionalProperties: false,
      properties: {
        nEpochs: { type: 'integer', minimum: 1, maximum: 100 }, learningRateMultiplier: { type: 'number', exclusiveMinimum: 0 }, learningRate: { type: 'number', exclusiveMinimum: 0, maximum: 1 }, batchSize: { type: 'integer', minimum: 1 },
        lora: { type: 'object', additionalProperties: false, properties: { enabled: { type: 'boolean' }, rank: { type: 'integer', minimum: 1, maximum: 1024 }, alpha: { type: 'number', exclusiveMinimum: 0 }, dropout: { type: 'number', minimum: 0, exclusiveMaximum: 1 }, targetModules: { oneOf: [{ const: 'all-linear' }, { type: 'array', items: { type: 'string' } }] } } },
      },
    },
    suffix: { type: 'string', minLength: 1, maxLength: 64 },
    seed: { type: 'integer', minimum: 0 },
  },
} as const;

const principalList = { type: 'array', maxItems: 10_000, items: { type: 'string', minLength: 1, maxLength: 512 } };
export const documentAclRequestSchema = {
  $id: 'DocumentAclRequest',
  description: 'Who may read the document: principal ids or group names; null (or two empty lists) opens it to the whole tenant.',
  oneOf: [
    { type: 'null' },
    { type: 'object', additionalProperties: false, required: ['principals', 'groups'], properties: { principals: principalList, groups: principalList } },
  ],
} as const;

export const monitorScoreRequestSchema = {
  $id: 'MonitorScoreRequest',
  type: 'object',
  additionalProperties: false,
  properties: {
    rate: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Base sampling rate (default 0.1).' },
    since: { type: 'integer', minimum: 0, description: 'Score entries logged at or after this epoch ms (default 24 hours ago).' },
    restart: { type: 'boolean', description: 'Ignore the stored cursor.' },
  },
} as const;
