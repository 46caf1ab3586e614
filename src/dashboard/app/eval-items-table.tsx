/** The run's items with their failure classes; filter by class; open an item to read its answer in each mode and the sources. */
import { useState } from 'preact/hooks';
import type { Diagnosis, EvalRun } from '../../spec/evaluation.js';
import { num } from './format.js';

export function EvalItemsTable({ run, diagnosis }: { run: EvalRun; diagnosis: Diagnosis }) {
  const [cls, setCls] = useState('');
  const [open, setOpen] = useState<string>();
  const byItem = new Map(diagnosis.items.map((i) => [i.itemId, i]));
  const ids = [...new Set(run.results.map((x) => x.itemId))].filter((id) => !cls || byItem.get(id)?.classes.includes(cls as never));
  const classes = Object.entries(diagnosis.classes).filter(([, c]) => c.count > 0).map(([n]) => n);
  return (
    <>
      <h2>Items</h2>
      <label>Class <select value={cls} onChange={(e) => setCls(e.currentTarget.value)}><option value="">all</option>{classes.map((c) => <option key={c}>{c}</option>)}</select></label>
      <table class="grid" data-testid="run-items">
        <thead><tr><th scope="col">Item</th><th scope="col">Question</th><th scope="col">Classes</th>{run.modes.map((m) => <th key={m} scope="col">{m} correct</th>)}</tr></thead>
        <tbody>
          {ids.map((id) => {
            const results = run.results.filter((x) => x.itemId === id);
            const item = run.items?.find((i) => i.id === id);
            return [
              <tr key={id} data-item={id}>
                <td><button type="button" class="link" aria-expanded={open === id} onClick={() => setOpen(open === id ? undefined : id)}>{id}</button></td>
                <td>{item?.question ?? results[0]?.answer.question}</td>
                <td>{byItem.get(id)?.classes.join(', ')}</td>
                {run.modes.map((m) => { const x = results.find((y) => y.mode === m); return <td key={m}>{x ? (x.correct ? 'yes' : 'no') : '—'}</td>; })}
              </tr>,
              open === id ? (
                <tr key={`${id}-open`}><td colSpan={3 + run.modes.length}>
                  <p class="meta">{byItem.get(id)?.evidence} {item ? `· expected: ${item.answers.join(' | ') || '(abstain)'}` : ''}</p>
                  <div class="columns">
                    {results.map((x) => (
                      <div key={x.mode} class="column" data-mode={x.mode}>
                        <h3>{x.mode}</h3>
                        <p>{x.answer.text}</p>
                        <p class="meta">{Object.entries(x.metrics).map(([k, v]) => `${k} ${num(v)}`).join(' · ')}</p>
                        <ol>{x.answer.sources.map((s) => <li key={s.n}>{s.title}: {s.text.slice(0, 160)}</li>)}</ol>
                      </div>
                    ))}
                  </div>
                </td></tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
    </>
  );
}
