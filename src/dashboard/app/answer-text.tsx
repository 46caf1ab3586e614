/** Answer text with each `[n]` marker as a button that selects that citation (invalid markers are struck). */
import type { Citation } from '../../spec/answer.js';

export function AnswerText({ text, citations, selected, onSelect }: { text: string; citations: Citation[]; selected?: number; onSelect: (n: number) => void }) {
  const parts = text.split(/(\[\d{1,3}\])/g);
  return (
    <p class="answer-text" data-testid="answer-text">
      {parts.map((part, i) => {
        const m = /^\[(\d{1,3})\]$/.exec(part);
        if (!m) return part;
        const n = Number(m[1]);
        const c = citations.find((x) => x.n === n);
        if (c && !c.valid) return <s key={i} title="This source number was not provided">{part}</s>;
        return <button key={i} type="button" class={`cite${selected === n ? ' selected' : ''}`} aria-pressed={selected === n} aria-label={`Show source ${n}`} onClick={() => onSelect(n)}>{part}</button>;
      })}
    </p>
  );
}
