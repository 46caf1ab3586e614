import type { LintFinding, LintSeverity } from '../../../spec/tune-data.js';
import type { LintCheck } from '../_context.js';
import type { LintRecord } from '../lint-records.js';
import { pushTo } from '../push-to.js';
import { isLabel } from '../answers-agree.js';
import { foldText } from '../near-duplicates.js';
import { distinctRatios, wordCount } from '../role-diversity.js';

/** Below this many examples a share is a rough estimate: findings say so and name the sample size. */
export const DIVERSITY_SAMPLE_SIZE = 20;

const pct = (k: number, n: number): string => `${k} of ${n} examples (${Math.round((100 * k) / n)}%)`;

/**
 * Low diversity, at any size: one system prompt, a shared opening of the requests, a shared opening or
 * closing phrase of the answers, repetitive prompts (distinct-2), uniform answer lengths. Below
 * {@link DIVERSITY_SAMPLE_SIZE} examples the findings are warnings that name the sample size.
 */
export const checkDiversity: LintCheck = ({ records }) => {
  const n = records.length;
  if (n < 2) return [];
  const small = n < DIVERSITY_SAMPLE_SIZE;
  const note = small ? `; a sample of ${n} is below the ${DIVERSITY_SAMPLE_SIZE} this estimate needs` : '';
  const findings: LintFinding[] = [];
  const add = (severity: LintSeverity, lines: number[], message: string, hint: string): void => {
    findings.push({ check: 'diversity', severity: small ? 'warning' : severity, lines, message: `${message}${note}`, hint });
  };
  const systems = new Map<string, number>();
  for (const r of records) if (r.system) systems.set(r.system, (systems.get(r.system) ?? 0) + 1);
  const topSystem = [...systems.values()].reduce((x, y) => Math.max(x, y), 0);
  if (topSystem >= 2 && topSystem / n >= 0.9) {
    add('info', [], `${pct(topSystem, n)} share one system prompt`, 'Fine if production uses exactly this prompt; otherwise vary it, or the behaviour will only appear under it.');
  }
  const phrase = (pick: (r: LintRecord) => string | undefined, where: string, hint: string, opening: boolean): void => {
    const groups = new Map<string, number[]>();
    for (const r of records) {
      const key = pick(r);
      if (key) pushTo(groups, key, r.line);
    }
    for (const [key, lines] of groups) {
      if (lines.length >= (small ? 3 : 5) && lines.length / n >= (small ? 0.5 : 0.25)) add('warning', lines, `${pct(lines.length, n)} ${where} "${key}${opening ? ' …' : ''}"`, hint);
    }
  };
  // Only the first / last 300 characters are folded: enough for 5 words, cheap on long answers.
  const head = (text: string, k: number): string | undefined => {
    const w = foldText(text.slice(0, 300)).split(' ');
    return w.length > k ? w.slice(0, k).join(' ') : undefined;
  };
  const tail = (text: string, k: number): string | undefined => {
    const w = foldText(text.slice(-300)).split(' ');
    return w.length > k ? `… ${w.slice(-k).join(' ')}` : undefined;
  };
  const varyPrompts = 'Vary the phrasing of the requests (paraphrase, real user wording) so the model does not key on one preamble.';
  const varyAnswers = 'Vary how answers open and close (or drop the stock phrase); the model learns to say it every time.';
  phrase((r) => head(r.lastUser, 5), 'have user turns opening with', varyPrompts, true);
  const prose = new Set(records.filter((r) => r.output && r.callsKey === undefined && !isLabel(r.output)));
  phrase((r) => (prose.has(r) ? head(r.output, 4) : undefined), 'have answers opening with', varyAnswers, true);
  phrase((r) => (prose.has(r) ? tail(r.output, 4) : undefined), 'have answers closing with', varyAnswers, false);
  if (n >= 5) {
    const { distinct2 } = distinctRatios(records.map((r) => r.lastUser));
    if (distinct2 < 0.3) add('warning', [], `prompts are repetitive: distinct-2 ratio ${(Math.floor(distinct2 * 100) / 100).toFixed(2)} (below 0.30)`, 'Add prompts that differ in topic and wording; templated prompts teach the template, not the task.');
  }
  const outs = records.map((r) => r.output).filter(Boolean);
  if (outs.length >= 5 && !outs.every(isLabel)) {
    const lens = outs.map(wordCount);
    const mean = lens.reduce((a, b) => a + b, 0) / lens.length;
    const sd = Math.sqrt(lens.reduce((a, b) => a + (b - mean) ** 2, 0) / lens.length);
    if (mean >= 5 && sd / mean < 0.1) {
      add('warning', [], `answers have nearly the same length (mean ${mean.toFixed(0)} words, spread ${(100 * sd / mean).toFixed(0)}%)`, 'Include short and long answers where the task allows; the model will pad or cut every answer to this length.');
    }
  }
  return findings;
};
