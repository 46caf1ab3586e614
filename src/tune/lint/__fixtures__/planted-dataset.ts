/**
 * Test fixture: a clean chat dataset, and the same dataset with one defect of every kind planted at
 * known lines. Texts are made of seeded pseudo-words so clean examples share nothing by accident.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const SYL = ['ka', 'lo', 'mi', 'tre', 'su', 'van', 'do', 'rel', 'pi', 'zen', 'qua', 'bor', 'fi', 'nu', 'gel', 'sto', 'wy', 'xa', 'hem', 'jo'];

/** Seeded pseudo-word text generator. */
export function words(seed: number): (n: number) => string {
  const r = rng(seed);
  const word = (): string => Array.from({ length: 2 + Math.floor(r() * 2) }, () => SYL[Math.floor(r() * SYL.length)]).join('');
  return (n) => Array.from({ length: n }, word).join(' ');
}

const chat = (user: string, assistant: string): Record<string, unknown> => ({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: assistant }] });

/** 24 clean examples: distinct prompts, answers of varied length ending with a full stop. */
export function cleanExamples(): Array<Record<string, unknown>> {
  const w = words(42);
  return Array.from({ length: 24 }, (_, i) => {
    const sentences = Array.from({ length: 2 + (i % 5) }, () => `${w(6 + (i % 4))}.`);
    return chat(`${w(3)} ${w(5)}?`, sentences.join(' '));
  });
}

/** Evaluation questions for the leakage check (the first two leak into the planted file). */
export const evalQuestions = ['How many vanmi tresu does a borfi lo need for a winter?', 'Which gelsto wyxa is older than the kazen hemjo river?', 'Why do zebras have stripes?'];

/** The planted file: JSONL lines, and the findings expected at which 1-based lines. */
export function plantedDataset(): { lines: string[]; expected: Array<{ check: string; severity: string; message: RegExp; lines: number[] }> } {
  const clean = cleanExamples();
  const lines = clean.map((e) => JSON.stringify(e));
  const expected: Array<{ check: string; severity: string; message: RegExp; lines: number[] }> = [];
  const w = words(7);
  const plant = (value: Record<string, unknown> | string, check: string, severity: string, message: RegExp, extra: number[] = []): number => {
    lines.push(typeof value === 'string' ? value : JSON.stringify(value));
    const line = lines.length;
    expected.push({ check, severity, message, lines: [...extra, line].sort((a, b) => a - b) });
    return line;
  };
  const q = (): string => `${w(4)} ${w(4)}?`;
  const a = (): string => `${w(8)}. ${w(7)}.`;
  plant('{"messages": [{"role": "user", "content": "cut', 'schema', 'error', /invalid JSON/);
  plant({ messages: [{ role: 'user' }] }, 'schema', 'error', /content must be a string/);
  plant({ messages: [{ role: 'user', content: q() }, { role: 'assistant', content: a() }, { role: 'narrator', content: a() }] }, 'roles', 'error', /unknown role "narrator"/);
  plant({ messages: [{ role: 'assistant', content: a() }, { role: 'user', content: q() }, { role: 'assistant', content: a() }] }, 'roles', 'error', /assistant turn comes before/);
  plant({ messages: [{ role: 'user', content: q() }, { role: 'user', content: q() }, { role: 'assistant', content: a() }] }, 'roles', 'error', /two user turns/);
  plant({ messages: [{ role: 'user', content: q() }] }, 'roles', 'error', /no assistant turn/);
  plant({ messages: [{ role: 'user', content: q() }, { role: 'system', content: w(6) }, { role: 'assistant', content: a() }] }, 'roles', 'error', /system turn is not the first/);
  plant(chat(q(), '   '), 'empty-turn', 'error', /empty assistant turn/);
  plant(chat(q(), '{"answer": "yes", "reason": "be'), 'truncated', 'error', /mid-JSON/);
  plant(chat(q(), `${w(9)}. ${w(6)} and the`), 'truncated', 'warning', /mid-sentence/);
  plant(chat(`${q()} ${w(400)}`, a()), 'context-window', 'error', /exceed the 300-token context window/);
  plant(clean[2]!, 'exact-duplicate', 'warning', /2 identical examples/, [3]);
  const near = structuredClone(clean[4]!) as { messages: Array<{ content: string }> };
  near.messages[1]!.content = near.messages[1]!.content.replace(/^\S+/, 'changed');
  plant(near, 'near-duplicate', 'warning', /2 near-duplicate examples/, [5]);
  const contra = structuredClone(clean[6]!) as { messages: Array<{ content: string }> };
  contra.messages[1]!.content = `${w(12)}.`;
  plant(contra, 'contradiction', 'error', /same input, different answers/, [7]);
  plant(chat(evalQuestions[0]!, a()), 'leakage', 'error', /appear in the evaluation set/);
  const leak2 = plant(chat(`Context: ${w(20)}. Question: ${evalQuestions[1]}`, a()), 'leakage', 'error', /appear in the evaluation set/);
  expected.pop();
  expected.at(-1)!.lines.push(leak2);
  const preamble: number[] = [];
  for (let i = 0; i < 16; i += 1) {
    lines.push(JSON.stringify(chat(`Please answer the following question carefully: ${w(6)}?`, `${w(5 + i)}.`)));
    preamble.push(lines.length);
  }
  expected.push({ check: 'diversity', severity: 'warning', message: /have user turns opening with "please answer the following question/, lines: preamble });
  return { lines, expected };
}
