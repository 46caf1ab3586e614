import type { LintFinding, LintSeverity } from '../../spec/tune-data.js';

/** Collects findings, merging the lines of findings with the same check, severity and message. */
export interface FindingCollector {
  add(check: string, severity: LintSeverity, message: string, hint: string, lines: number | number[]): void;
  list(): LintFinding[];
}

export function createFindings(): FindingCollector {
  const byKey = new Map<string, LintFinding>();
  return {
    add(check, severity, message, hint, lines) {
      const key = `${check}\u0000${severity}\u0000${message}`;
      const found = byKey.get(key);
      const add = Array.isArray(lines) ? lines : [lines];
      if (found) found.lines.push(...add);
      else byKey.set(key, { check, severity, lines: [...add], message, hint });
    },
    list() {
      return [...byKey.values()].map((f) => ({ ...f, lines: [...new Set(f.lines)].sort((a, b) => a - b) }));
    },
  };
}
