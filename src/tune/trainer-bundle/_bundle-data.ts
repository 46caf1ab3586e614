import { createReadStream, createWriteStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { TrainingMessage } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';

/** What was written for one data file. */
export interface _DataRecord {
  source: string;
  sourceSha256: string;
  path: string;
  sha256: string;
  lines: number;
  /** Lines converted from ShareGPT `conversations`. */
  converted: number;
}

const shareGptRoles: Record<string, string> = { system: 'system', human: 'user', user: 'user', gpt: 'assistant', assistant: 'assistant', observation: 'tool', tool: 'tool', function_call: 'assistant' };

/** Copies chat JSONL line by line as `{ messages }` (ShareGPT `conversations` are converted), hashing both sides. */
export async function _writeChatJsonl(source: string, target: string, relative: string): Promise<_DataRecord> {
  const input = createReadStream(source);
  const opened = once(input, 'open').catch((error: unknown) => {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Cannot read training data ${source}; check the path.`, cause: error, details: { path: source } });
  });
  await opened;
  const sourceHash = createHash('sha256');
  input.on('data', (chunk) => sourceHash.update(chunk));
  const output = createWriteStream(target);
  const outHash = createHash('sha256');
  let lineNo = 0, lines = 0, converted = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    const { record, fromShareGpt } = _convert(line, lineNo, source);
    const text = `${JSON.stringify(record)}\n`;
    outHash.update(text);
    if (!output.write(text)) await once(output, 'drain');
    lines++;
    if (fromShareGpt) converted++;
  }
  output.end();
  await once(output, 'finish');
  if (lines === 0) throw new FathomError({ code: 'FILE_EMPTY', message: `${source} holds no examples; a trainer needs at least one chat example per line.`, details: { path: source } });
  return { source, sourceSha256: sourceHash.digest('hex'), path: relative, sha256: outHash.digest('hex'), lines, converted };
}

function _convert(line: string, lineNo: number, source: string): { record: { messages: TrainingMessage[]; tools?: unknown[] }; fromShareGpt: boolean } {
  const bad = (why: string): FathomError => new FathomError({ code: 'INVALID_RECORD', message: `${source}:${lineNo}: ${why}. Fix the line or convert the file to chat JSONL first (\`fathom tune convert\`).`, details: { path: source, line: lineNo } });
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw bad('not valid JSON');
  }
  if (Array.isArray(value.messages)) {
    const messages = value.messages as TrainingMessage[];
    messages.forEach((m, i) => {
      if (typeof m?.role !== 'string' || !(typeof m.content === 'string' || (m.content === null && m.tool_calls))) throw bad(`message ${i} needs a string 'role' and 'content'`);
    });
    return { record: Array.isArray(value.tools) ? { messages, tools: value.tools } : { messages }, fromShareGpt: false };
  }
  if (Array.isArray(value.conversations)) {
    const messages: TrainingMessage[] = typeof value.system === 'string' && value.system !== '' ? [{ role: 'system', content: value.system }] : [];
    for (const [i, turn] of (value.conversations as Array<{ from?: unknown; value?: unknown }>).entries()) {
      const role = shareGptRoles[String(turn?.from)];
      if (!role || typeof turn.value !== 'string') throw bad(`conversation turn ${i} has an unknown 'from' (${String(turn?.from)}) or no 'value'`);
      messages.push({ role, content: turn.value });
    }
    return { record: { messages }, fromShareGpt: true };
  }
  throw bad("neither chat 'messages' nor ShareGPT 'conversations'");
}
