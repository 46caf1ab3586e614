/** `bm25 3.21 #1 · vector 0.82 #3 · fused 0.03 #1`: every stage that ranked a hit. */
import type { StageScore } from '../../spec/hit.js';

export function StageScores({ stages }: { stages: Partial<Record<string, StageScore>> }) {
  return (
    <span class="stages">
      {Object.entries(stages).map(([name, s]) => s ? <span key={name} class="stage" data-stage={name} data-score={s.score} data-rank={s.rank}>{name} {s.score.toFixed(4)} #{s.rank}</span> : null)}
    </span>
  );
}
