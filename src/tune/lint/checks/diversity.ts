import type { LintFinding } from '../../../spec/tune-data.js';
import type { LintCheck } from '../_context.js';
import { pushTo } from '../_push-to.js';
import { foldText } from '../near-duplicates.js';
import { isLabel } from '../answers-agree.js';

const MIN_EXAMPLES = 20;

function distinctBigramRatio(texts: string[]): number {
  const step = Math.max(1, Math.floor(texts.length / 200));
  const seen = new Set<string>();
  let total = 0;
  for (let i = 0; i < texts.length; i += step) {
    const w = foldText(texts[i]!).split(' ');
    for (let j = 0; j + 1 < w.length; j += 1, total += 1) seen.add(`${w[j]} ${w[j + 1]}`);
  }
  return total === 0 ? 1 : seen.size / total;
}

/** Low diversity: one system prompt or opening everywhere, repetitive prompts, uniform answer lengths. */
export const checkDiversity: LintCheck = ({ records }) => {
  const n = records.length;
  if (n < MIN_EXAMPLES) return [];
  const findings: LintFinding[] = [];
  const systems = new Map<string, number>();
  for (const r of records) if (r.system) systems.set(r.system, (systems.get(r.system) ?? 0) + 1);
  const topSystem = Math.max(0, ...systems.values());
  if (topSystem / n >= 0.9) {
    findings.push({
      check: 'diversity', severity: 'info', lines: [],
      message: `${Math.round((100 * topSystem) / n)}% of examples share one system prompt`,
      hint: 'Fine if production uses exactly this prompt; otherwise vary it, or the behaviour will only appear under it.',
    });
  }
  const openings = new Map<string, number[]>();
  for (const r of records) {
    const words = foldText(r.lastUser).split(' ');
    if (words.length < 6) continue;
    const key = words.slice(0, 5).join(' ');
    pushTo(openings, key, r.line);
  }
  for (const [opening, lines] of openings) {
    if (lines.length >= 5 && lines.length / n >= 0.25) {
      findings.push({
        check: 'diversity', severity: 'warning', lines,
        message: `${Math.round((100 * lines.length) / n)}% of user turns open with "${opening} …"`,
        hint: 'Vary the phrasing of the requests (paraphrase, real user wording) so the model does not key on one preamble.',
      });
    }
  }
  const ratio = distinctBigramRatio(records.map((r) => r.lastUser));
  if (ratio < 0.3) {
    findings.push({
      check: 'diversity', severity: 'warning', lines: [],
      message: `prompts are repetitive: distinct-2 ratio ${ratio.toFixed(2)} (below 0.30)`,
      hint: 'Add prompts that differ in topic and wording; templated prompts teach the template, not the task.',
    });
  }
  const outs = records.map((r) => r.output).filter(Boolean);
  if (outs.length >= MIN_EXAMPLES && !outs.every(isLabel)) {
    const lens = outs.map((o) => foldText(o).split(' ').length);
    const mean = lens.reduce((a, b) => a + b, 0) / lens.length;
    const sd = Math.sqrt(lens.reduce((a, b) => a + (b - mean) ** 2, 0) / lens.length);
    if (mean >= 5 && sd / mean < 0.1) {
      findings.push({
        check: 'diversity', severity: 'warning', lines: [],
        message: `answers have nearly the same length (mean ${mean.toFixed(0)} words, spread ${(100 * sd / mean).toFixed(0)}%)`,
        hint: 'Include short and long answers where the task allows; the model will pad or cut every answer to this length.',
      });
    }
  }
  return findings;
};
