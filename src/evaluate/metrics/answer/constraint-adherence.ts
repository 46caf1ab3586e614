import type { Answer } from '../../../spec/answer.js';
import type { Constraint, GoldenItem } from '../../../spec/evaluation.js';
import { FathomError } from '../../../util/errors.js';
import { _parseJson } from './format-consistency.js';

/** A custom rule, named by `{ type: 'predicate', name }` constraints. */
export type ConstraintPredicate = (input: { item: GoldenItem; answer: Answer }) => boolean;

/** Input of {@link constraintAdherence}. */
export interface ConstraintAdherenceInput {
  item: GoldenItem;
  answer: Answer;
  /** Named predicates for `predicate` constraints. An unknown name is an INVALID_ARGUMENT error. */
  predicates?: Record<string, ConstraintPredicate>;
}

/** Output of {@link constraintAdherence}. */
export interface ConstraintAdherenceResult {
  /** Satisfied constraints / constraints; undefined when the item declares none. */
  score: number | undefined;
  /** Constraints that failed, described. */
  failed: string[];
}

/**
 * Constraint adherence: the share of the item's declared constraints the answer satisfies.
 * `regex` must match the answer text; `max-length` bounds characters and/or words; `required-fields`
 * needs each (dot-path) field present in the JSON answer; `forbidden-phrases` must not occur
 * (case-insensitive unless `caseSensitive`); `must-cite` needs a valid citation; `predicate` calls the
 * named function from `predicates`.
 */
export function constraintAdherence({ item, answer, predicates = {} }: ConstraintAdherenceInput): ConstraintAdherenceResult {
  const constraints = item.constraints ?? [];
  if (constraints.length === 0) return { score: undefined, failed: [] };
  const failed = constraints.filter((c) => !_satisfies(c, item, answer, predicates)).map(describeConstraint);
  return { score: (constraints.length - failed.length) / constraints.length, failed };
}

function _satisfies(c: Constraint, item: GoldenItem, answer: Answer, predicates: Record<string, ConstraintPredicate>): boolean {
  const text = answer.text;
  switch (c.type) {
    case 'regex':
      return new RegExp(c.pattern, c.flags).test(text);
    case 'max-length':
      return (c.chars === undefined || text.length <= c.chars) && (c.words === undefined || text.split(/\s+/).filter(Boolean).length <= c.words);
    case 'required-fields': {
      const value = answer.json ?? (_parseJson(text) as { value?: unknown }).value;
      return c.fields.every((f) => _get(value, f) !== undefined);
    }
    case 'forbidden-phrases': {
      const hay = c.caseSensitive ? text : text.toLowerCase();
      return c.phrases.every((p) => !hay.includes(c.caseSensitive ? p : p.toLowerCase()));
    }
    case 'must-cite':
      return answer.citations.some((x) => x.valid);
    case 'predicate': {
      const fn = predicates[c.name];
      if (!fn) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Constraint predicate '${c.name}' is not defined: pass it in the 'predicates' option (known: ${Object.keys(predicates).join(', ') || 'none'}).`, details: { itemId: item.id } });
      return fn({ item, answer });
    }
  }
}

function _get(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A short human description of a constraint. */
export function describeConstraint(c: Constraint): string {
  switch (c.type) {
    case 'regex': return c.description ?? `matches /${c.pattern}/${c.flags ?? ''}`;
    case 'max-length': return `at most ${[c.chars !== undefined ? `${c.chars} chars` : '', c.words !== undefined ? `${c.words} words` : ''].filter(Boolean).join(' and ')}`;
    case 'required-fields': return `has fields ${c.fields.join(', ')}`;
    case 'forbidden-phrases': return `avoids ${c.phrases.map((p) => JSON.stringify(p)).join(', ')}`;
    case 'must-cite': return 'cites a source';
    case 'predicate': return c.description ?? `predicate ${c.name}`;
  }
}
