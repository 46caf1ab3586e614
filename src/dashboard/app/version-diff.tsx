/** Two versions of a document side by side as a line diff (default: the newest superseded against the current). */
import { useMemo, useState } from 'preact/hooks';
import type { DocumentVersion } from '../../spec/document.js';
import { lineDiff } from './line-diff.js';

type _Version = Omit<DocumentVersion, 'text'> & { text?: string };
const _SIGN = { same: ' ', del: '−', add: '+' } as const;

export function VersionDiff({ versions }: { versions: _Version[] }) {
  const withText = versions.filter((v) => v.text !== undefined).sort((x, y) => x.version - y.version);
  const current = withText.find((v) => v.status === 'current') ?? withText.at(-1);
  const older = withText.filter((v) => v !== current);
  const [from, setFrom] = useState(older.at(-1)?.id ?? '');
  const [to, setTo] = useState(current?.id ?? '');
  const a = withText.find((v) => v.id === from);
  const b = withText.find((v) => v.id === to);
  const diff = useMemo(() => (a && b ? lineDiff(a.text!, b.text!) : []), [a, b]);
  if (withText.length < 2) return <p>One version only: nothing to compare.</p>;
  const label = (v: _Version) => `v${v.version} (${v.status})`;
  const counts = { add: diff.filter((l) => l.op === 'add').length, del: diff.filter((l) => l.op === 'del').length };
  return (
    <div class="version-diff">
      <div class="row">
        <label>From <select value={from} onChange={(e) => setFrom(e.currentTarget.value)}>{withText.map((v) => <option key={v.id} value={v.id}>{label(v)}</option>)}</select></label>
        <label>To <select value={to} onChange={(e) => setTo(e.currentTarget.value)}>{withText.map((v) => <option key={v.id} value={v.id}>{label(v)}</option>)}</select></label>
        <span class="meta" data-testid="diff-counts">{counts.del} removed, {counts.add} added</span>
      </div>
      <table class="diff" data-testid="version-diff" data-from={a?.version} data-to={b?.version}>
        <caption class="sr-only">Lines of {a ? label(a) : '—'} against {b ? label(b) : '—'}: − removed, + added</caption>
        <thead class="sr-only"><tr><th scope="col">Old line</th><th scope="col">New line</th><th scope="col">Change</th><th scope="col">Text</th></tr></thead>
        <tbody>
          {diff.map((l, i) => (
            <tr key={i} class={l.op} data-op={l.op}><td class="ln">{l.a ?? ''}</td><td class="ln">{l.b ?? ''}</td><td class="op">{_SIGN[l.op]}</td><td class="tx">{l.text}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
