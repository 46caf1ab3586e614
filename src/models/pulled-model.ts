/** A model in the local cache, as recorded in `<cacheDir>/fathom-models.json`. */
export interface PulledModel {
  name: string;
  repo: string;
  /** Revision asked for (branch, tag or commit). */
  revision: string;
  /** The commit the hub resolved the revision to (`x-repo-commit`), when it said. */
  commit?: string;
  role?: 'generation' | 'embedding' | 'rerank';
  format?: 'gguf' | 'onnx';
  /** The path to put in fathom.config.json: the .gguf file, or the model folder `<cacheDir>/<repo>`. */
  path: string;
  files: { path: string; bytes: number; sha256: string }[];
  bytes: number;
  /** ISO time of the pull. */
  pulledAt: string;
}
