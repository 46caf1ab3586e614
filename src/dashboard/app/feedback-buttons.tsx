/** Thumbs up / down on an answer's audit entry (`POST /v1/audit/{id}/feedback`). */
import { useState } from 'preact/hooks';
import { api, errorText } from './api.js';

export function FeedbackButtons({ logId }: { logId: string }) {
  const [sent, setSent] = useState<string>();
  const [error, setError] = useState<string>();
  const send = async (rating: 'up' | 'down') => {
    try {
      await api(`/v1/audit/${encodeURIComponent(logId)}/feedback`, { json: { rating } });
      setSent(rating);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div class="feedback" role="group" aria-label="Feedback on this answer">
      <button type="button" aria-pressed={sent === 'up'} onClick={() => void send('up')}>Helpful</button>
      <button type="button" aria-pressed={sent === 'down'} onClick={() => void send('down')}>Not helpful</button>
      {sent ? <span role="status">Thanks: feedback recorded on {logId}.</span> : null}
      {error ? <span role="alert" class="error">{error}</span> : null}
    </div>
  );
}
