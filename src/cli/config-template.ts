/** The commented config that `fathom init` writes. Keep in step with `defaultConfig`. */
export const configTemplate = `{
  // fathom configuration (JSON with comments). Paths are relative to this file.

  // The embedded store: one SQLite file (documents, versions, chunks, BM25 index, vectors, audit log).
  // vectorIndex: "auto" = exact search below 20,000 vectors per tenant, HNSW above (for clustered embeddings);
  // use { "mode": "exact" } for vectors without neighbourhood structure, where HNSW recall is poor.
  "store": { "path": ".fathom/fathom.db", "vectorIndex": { "mode": "auto", "annThreshold": 20000 } },

  // Tenant used when --tenant is not given (env FATHOM_TENANT overrides). Tenants never see each other's data.
  "tenant": "default",

  "ingest": {
    // Globs over paths relative to the ingested directory. Exclude wins. Defaults skip node_modules, .git, .fathom.
    // "include": ["**/*.md", "**/*.pdf"],
    // "exclude": ["drafts/**"],
    "maxFileBytes": 52428800,          // larger files are skipped and reported
    "collection": "default",           // owner group of the ingested documents
    "chunker": {
      "name": "structure",             // fixed | recursive | structure | semantic | hierarchical
      "maxTokens": 512,                // budget per chunk, counted by the tokenizer below
      "overlapTokens": 64,             // fixed / recursive only
      "tokenizer": "o200k_base"        // o200k_base | cl100k_base
    },
    "dedup": {
      "policy": "report",              // skip | keep | report (exact and near duplicates)
      "threshold": 0.85,               // estimated Jaccard of 5-word shingles
      "near": true
    },
    "batchSize": 64                    // documents per transaction
    // "ocr": "auto"                   // PDF pages without a text layer: auto (OCR with tesseract when installed) | off
  },

  // Embeddings for vector and hybrid search. null = keyword (BM25) only.
  // { "provider": "transformers-js", "model": "Xenova/bge-small-en-v1.5" }            (local ONNX, downloaded once, cached)
  // { "provider": "openai-compatible", "baseURL": "http://localhost:11434/v1", "model": "nomic-embed-text", "apiKeyEnv": "OPENAI_API_KEY" }
  "embedding": null,

  // Cross-encoder reranking of the top candidates (fathom search --rerank). null = off.
  // { "provider": "transformers-js", "model": "Xenova/ms-marco-MiniLM-L-6-v2", "topN": 50 }
  // { "provider": "http", "shape": "cohere", "baseURL": "https://api.cohere.com/v2", "model": "rerank-v3.5", "apiKeyEnv": "COHERE_API_KEY" }
  "rerank": null,

  "search": { "mode": "bm25", "topK": 5 },

  // The answering model of \`fathom ask\`. null = the extractive answerer: quotes the best sentences, no model, offline.
  // A local model in one command: \`fathom models pull qwen2.5-0.5b-instruct\` (~491 MB) prints the line to put here.
  // { "provider": "llama-cpp", "model": "models/qwen2.5-1.5b-instruct-q4_k_m.gguf" }        (or "hf:org/repo/file.gguf")
  // { "provider": "openai-compatible", "baseURL": "http://localhost:11434/v1", "model": "llama3.1", "apiKeyEnv": "OPENAI_API_KEY" }
  // { "provider": "anthropic", "model": "claude-sonnet-4-5", "apiKeyEnv": "ANTHROPIC_API_KEY" }
  "generation": null

  // Where \`fathom models pull\` downloads from (a Hugging Face mirror; env FATHOM_MODEL_HUB overrides it):
  // "models": { "hubUrl": "https://huggingface.co" },

  // Prices for the audit log's cost, US dollars per million tokens:
  // "prices": { "openai-compatible:gpt-4o-mini": { "inputPerMillion": 0.15, "outputPerMillion": 0.6 } },

  // Hosted fine-tuning backends for \`fathom tune start --backend <name>\` (together, openai, mistral are built in):
  // "tune": { "backends": { "together": { "baseURL": "https://api.together.xyz/v1", "apiKeyEnv": "TOGETHER_API_KEY" } } }
}
`;
