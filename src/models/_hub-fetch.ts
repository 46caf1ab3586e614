import { FathomError } from '../util/errors.js';

export interface _HubFile {
  commit?: string;
  sha256?: string;
  gitSha1?: string;
  size?: number;
  /** The file's bytes: the CDN is asked only now, so a cached file costs one small request. */
  open: () => Promise<ReadableStream<Uint8Array> | null>;
  /** Release the first response's body when the file is not wanted. */
  discard: () => Promise<void>;
}

/**
 * GET `{hubUrl}/{repo}/resolve/{revision}/{file}` without following the redirect first: the hub answers an LFS
 * file with a 302 to its CDN whose headers carry `x-repo-commit`, `x-linked-etag` (SHA-256) and `x-linked-size`;
 * a small git file comes back directly with `etag` (git blob SHA-1) and `content-length`.
 */
export async function _hubFetch({ hubUrl, repo, revision, file, token, signal, fetchImpl }: { hubUrl: string; repo: string; revision: string; file: string; token?: string; signal?: AbortSignal; fetchImpl: typeof fetch }): Promise<_HubFile> {
  const url = `${hubUrl.replace(/\/+$/, '')}/${repo}/resolve/${encodeURIComponent(revision)}/${file.split('/').map(encodeURIComponent).join('/')}`;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const get = async (u: string, redirect: 'manual' | 'follow'): Promise<Response> => {
    try {
      return await fetchImpl(u, { headers, redirect, signal });
    } catch (error) {
      if (signal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: `Pull of ${repo} interrupted.`, cause: error });
      throw new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `Cannot reach the model hub at ${hubUrl} (${error instanceof Error ? error.message : String(error)}): check the network, or set FATHOM_MODEL_HUB to a reachable mirror.`, cause: error, details: { url } });
    }
  };
  const first = await get(url, 'manual');
  const meta = first.headers;
  const redirected = first.status >= 300 && first.status < 400;
  const location = redirected ? meta.get('location') : null;
  if (redirected && !location) throw _statusError(first.status, url, repo, file);
  if (!redirected && !first.ok) throw _statusError(first.status, url, repo, file);
  const open = async (): Promise<ReadableStream<Uint8Array> | null> => {
    if (!location) return first.body;
    const res = await get(new URL(location, url).toString(), 'follow');
    if (!res.ok) throw _statusError(res.status, url, repo, file);
    return res.body;
  };
  const linked = _etag(meta.get('x-linked-etag'));
  const plain = _etag(meta.get('etag'));
  const sizeHeader = meta.get('x-linked-size') ?? (redirected ? null : meta.get('content-length'));
  const size = sizeHeader !== null && /^\d+$/.test(sizeHeader) ? Number(sizeHeader) : undefined;
  const sha = linked ?? plain;
  return {
    commit: meta.get('x-repo-commit') ?? undefined,
    sha256: sha && /^[0-9a-f]{64}$/.test(sha) ? sha : undefined,
    gitSha1: !linked && sha && /^[0-9a-f]{40}$/.test(sha) ? sha : undefined,
    size,
    open,
    discard: async () => void (await first.body?.cancel().catch(() => undefined)),
  };
}

function _etag(value: string | null): string | undefined {
  return value ? value.replace(/^W\//, '').replace(/"/g, '').toLowerCase() : undefined;
}

function _statusError(status: number, url: string, repo: string, file: string): FathomError {
  if (status === 401 || status === 403) return new FathomError({ code: 'PROVIDER_AUTH_FAILED', message: `The hub refused ${repo}/${file} (HTTP ${status}): the repository is gated or private — accept its licence on the hub and set HF_TOKEN.`, details: { url, status } });
  if (status === 404) return new FathomError({ code: 'MODEL_NOT_AVAILABLE', message: `The hub has no ${file} in ${repo} (HTTP 404): check the name and revision (\`fathom models list --available\`).`, details: { url, status } });
  return new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `The hub answered HTTP ${status} for ${repo}/${file}; try again later.`, details: { url, status } });
}
