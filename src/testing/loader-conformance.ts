/**
 * The loader conformance suite: every `Loader` must pass it. A whole-file loader gives one document or one
 * skip with a code and a reason per file, never both, never a partial document and never a throw — whatever
 * the bytes (good, truncated, empty). A record loader (`streaming: true`) gives one document or one skip per
 * record.
 *
 * @example
 * runLoaderConformance({ loader: markdownLoader, samples: [{ relativePath: 'a.md', bytes, expect: 'document' }] });
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoadEvent, Loader } from '../spec/loader.js';
import { normalizeText } from '../util/text/normalize-text.js';

/** One input file and what the loader must give for it. */
export interface LoaderSample {
  relativePath: string;
  bytes: Uint8Array;
  /** 'document': only documents (one for a whole-file loader); 'skip': only skips (one for a whole-file loader). */
  expect: 'document' | 'skip';
}

/** Options of {@link runLoaderConformance}. */
export interface LoaderConformanceOptions {
  /** @default loader.name */
  name?: string;
  loader: Loader;
  /** At least one good file (truncated copies are made from them), and bad ones; or a function giving them (binary samples built at test time). */
  samples: readonly LoaderSample[] | (() => Promise<readonly LoaderSample[]>);
  skip?: string | false;
}

/** Runs a loader over bytes as ingest does (a byte stream for streaming loaders) and collects every event. */
export async function collectLoadEvents(loader: Loader, relativePath: string, bytes: Uint8Array): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  const half = Math.floor(bytes.length / 2);
  const input = loader.streaming
    ? { path: `/conformance/${relativePath}`, relativePath, bytes: new Uint8Array(0), options: {}, stream: async function* () { yield bytes.subarray(0, half); yield bytes.subarray(half); } }
    : { path: `/conformance/${relativePath}`, relativePath, bytes, options: {} };
  for await (const event of loader.load(input)) events.push(event);
  return events;
}

function _checkDocument(loader: Loader, relativePath: string, event: LoadEvent): void {
  assert.equal(event.type, 'document');
  if (event.type !== 'document') return;
  const d = event.document;
  assert.ok(d.text.length > 0, `${relativePath}: a document has text (an empty one is a skip)`);
  assert.equal(d.text, normalizeText(d.text), `${relativePath}: text is normalised`);
  if (!loader.streaming) assert.equal(d.format, loader.format); // record loaders may name the record format (e.g. BEIR)
  assert.ok(d.source.startsWith(relativePath), `${relativePath}: source ${d.source} names the file`);
  for (const p of d.pages ?? []) assert.ok(p.start >= 0 && p.end <= d.text.length && p.start <= p.end, `${relativePath}: page ${p.page} span inside the text`);
}

function _checkSkip(relativePath: string, event: LoadEvent): void {
  assert.equal(event.type, 'skip', `${relativePath}: expected a skip, got ${event.type}`);
  if (event.type !== 'skip') return;
  assert.ok(event.skip.code.length > 0 && event.skip.reason.length > 0, `${relativePath}: a skip has a code and a reason`);
  assert.ok(event.skip.path.startsWith(relativePath), `${relativePath}: the skip names the file (${event.skip.path})`);
}

/** Register the conformance cases for one loader. */
export function runLoaderConformance({ loader, name = loader.name, samples: given, skip = false }: LoaderConformanceOptions): void {
  const whole = !loader.streaming;
  let cached: Promise<readonly LoaderSample[]> | undefined;
  const all = () => (cached ??= typeof given === 'function' ? given() : Promise.resolve(given));
  describe(`Loader conformance: ${name}`, { skip }, () => {
    it('a good file gives documents only (exactly one for a whole-file loader), normalised, naming the file', async () => {
      for (const s of (await all()).filter((x) => x.expect === 'document')) {
        const events = await collectLoadEvents(loader, s.relativePath, s.bytes);
        assert.ok(events.length > 0, `${s.relativePath}: no event`);
        if (whole) assert.equal(events.length, 1, `${s.relativePath}: ${events.length} events for one file`);
        for (const e of events) _checkDocument(loader, s.relativePath, e);
      }
    });
    it('a bad file gives skips with a code and a reason, never a document (exactly one for a whole-file loader)', async () => {
      for (const s of (await all()).filter((x) => x.expect === 'skip')) {
        const events = await collectLoadEvents(loader, s.relativePath, s.bytes);
        if (whole) assert.equal(events.length, 1, `${s.relativePath}: ${events.length} events for one file`);
        for (const e of events) _checkSkip(s.relativePath, e);
      }
    });
    it('truncated and empty files: one document or one skip per file (or record), never both, never a throw', async () => {
      for (const s of (await all()).filter((x) => x.expect === 'document')) {
        for (const cut of [0, Math.floor(s.bytes.length / 3), Math.floor((2 * s.bytes.length) / 3)]) {
          const events = await collectLoadEvents(loader, s.relativePath, s.bytes.subarray(0, cut));
          if (whole) assert.equal(events.length, 1, `${s.relativePath} cut at ${cut}: ${events.length} events`);
          for (const e of events) {
            if (e.type === 'document') _checkDocument(loader, s.relativePath, e);
            else _checkSkip(s.relativePath, e);
          }
        }
      }
    });
  });
}
