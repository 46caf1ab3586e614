/**
 * What `/v1/ask` lets a caller choose, as form controls: the pipeline (`GET /v1/models`), the prompt variant
 * (`GET /v1/prompts`, shown when the server offers some), the retrieval mode, one or two hops, the number of
 * sources and a collection filter. Left empty, the pipeline's defaults apply.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, hasRoute } from './api.js';
import type { AskBody } from './stream-ask.js';

export interface Choices {
  pipeline: string;
  prompt: string;
  mode: string;
  hops: string;
  k: string;
  collection: string;
}

export const NO_CHOICES: Choices = { pipeline: '', prompt: '', mode: '', hops: '1', k: '', collection: '' };

/** The ask request of `question` with these choices (unset ones left out). */
export function askBody(question: string, c: Choices): AskBody {
  const collection = c.collection.trim();
  return {
    question, pipeline: c.pipeline || undefined, prompt: c.prompt || undefined, mode: c.mode || undefined, k: c.k ? Number(c.k) : undefined,
    hops: c.hops === '2' ? 2 : undefined, filter: collection ? { collection } : undefined,
  };
}

/** `strict, prompt quote, 2 hops, collection kb`: the choices an answer was asked with. */
export function describeChoices(c: Choices): string {
  return [c.pipeline || 'default pipeline', c.prompt && `prompt ${c.prompt}`, c.mode, c.hops === '2' && '2 hops', c.k && `${c.k} sources`, c.collection.trim() && `collection ${c.collection.trim()}`].filter(Boolean).join(', ');
}

export function AskChoices({ value, onChange }: { value: Choices; onChange: (c: Choices) => void }) {
  const [pipelines, setPipelines] = useState<string[]>([]);
  const [prompts, setPrompts] = useState<Array<{ id: string; instructions?: string }>>([]);
  useEffect(() => {
    api<{ data: Array<{ id: string }> }>('/v1/models').then((m) => setPipelines(m.data.map((d) => d.id)), () => setPipelines([]));
    void hasRoute('get', '/v1/prompts').then(async (has) => {
      if (has) setPrompts((await api<{ data: Array<{ id: string; instructions?: string }> }>('/v1/prompts').catch(() => ({ data: [] }))).data);
    });
  }, []);
  const set = (k: keyof Choices) => (e: { currentTarget: { value: string } }) => onChange({ ...value, [k]: e.currentTarget.value });
  return (
    <div class="row">
      <label>Pipeline <select value={value.pipeline} onChange={set('pipeline')}><option value="">default</option>{pipelines.map((p) => <option key={p}>{p}</option>)}</select></label>
      {prompts.length ? <label>Prompt <select value={value.prompt} onChange={set('prompt')}><option value="">built-in</option>{prompts.map((p) => <option key={p.id} value={p.id} title={p.instructions}>{p.id}</option>)}</select></label> : null}
      <label>Mode <select value={value.mode} onChange={set('mode')}><option value="">pipeline default</option><option>bm25</option><option>vector</option><option>hybrid</option></select></label>
      <label>Hops <select value={value.hops} onChange={set('hops')}><option value="1">1</option><option value="2">2 (multi-hop)</option></select></label>
      <label>Sources <input type="number" min={1} max={50} value={value.k} placeholder="pipeline" onInput={set('k')} /></label>
      <label>Collection <input value={value.collection} placeholder="any" onInput={set('collection')} /></label>
    </div>
  );
}
