/**
 * A windowed list: only the rows in view (plus a few) are in the DOM, so 10,000 documents scroll without
 * freezing. Fixed row height; `onNearEnd` asks for the next page when the user scrolls close to the end.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: T[];
  rowHeight: number;
  height: number;
  label: string;
  row: (item: T, index: number) => ComponentChildren;
  onNearEnd?: () => void;
}

const _OVERSCAN = 8;

export function VirtualList<T>({ items, rowHeight, height, label, row, onNearEnd }: VirtualListProps<T>) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - _OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + _OVERSCAN);
  const onScroll = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    setTop(el.scrollTop);
    if (onNearEnd && el.scrollTop + height > items.length * rowHeight - 10 * rowHeight) onNearEnd();
  };
  return (
    <div class="vlist" style={{ height: `${height}px` }} onScroll={onScroll} tabIndex={0} role="region" aria-label={label}>
      <ul style={{ height: `${items.length * rowHeight}px` }} aria-label={label}>
        {items.slice(first, last).map((item, i) => (
          <li key={first + i} class="vrow" style={{ top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }} aria-setsize={items.length} aria-posinset={first + i + 1}>
            {row(item, first + i)}
          </li>
        ))}
      </ul>
    </div>
  );
}
