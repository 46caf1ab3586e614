import { analyze } from '../util/text/analyzer.js';

// Common English antonym pairs (both directions are added): a question that swaps a word of the passage for its
// opposite ("the largest", "before 1990", "decreased") asks what the passage does not say.
const PAIRS = [
  'increase decrease', 'increase reduce', 'increase decline', 'rise fall', 'rise decline', 'first last', 'first final', 'largest smallest', 'large small', 'big small',
  'most least', 'most fewest', 'more less', 'more fewer', 'before after', 'early late', 'earliest latest', 'begin end', 'start end', 'start finish', 'high low',
  'highest lowest', 'higher lower', 'major minor', 'maximum minimum', 'north south', 'east west', 'northern southern', 'eastern western', 'old new', 'old young',
  'oldest newest', 'oldest youngest', 'older younger', 'win lose', 'win defeat', 'accept reject', 'allow prohibit', 'allow ban', 'allow forbid', 'long short',
  'longest shortest', 'best worst', 'strong weak', 'success failure', 'public private', 'internal external', 'above below', 'upper lower', 'inside outside',
  'same different', 'true false', 'legal illegal', 'gain loss', 'positive negative', 'modern ancient', 'open close', 'wet dry', 'hot cold', 'rich poor',
  'cheap expensive', 'simple complex', 'male female', 'support oppose', 'create destroy', 'build destroy', 'add remove', 'import export', 'agree disagree',
  'common rare', 'similar different', 'heavy light', 'fast slow', 'deep shallow', 'wide narrow', 'full empty', 'permanent temporary', 'include exclude',
  'majority minority', 'always never', 'often rarely', 'inner outer', 'input output', 'maximum minimal', 'west east', 'birth death', 'war peace', 'ally enemy',
];

let table: Map<string, string[]> | undefined;

/** Antonyms of an analysed term, as analysed terms. */
export function _antonyms(term: string): readonly string[] {
  if (!table) {
    table = new Map();
    for (const pair of PAIRS) {
      const [a, b] = pair.split(' ').map((w) => analyze(w, { stopWords: new Set() })[0]!);
      table.set(a!, [...(table.get(a!) ?? []), b!]);
      table.set(b!, [...(table.get(b!) ?? []), a!]);
    }
  }
  return table.get(term) ?? [];
}
