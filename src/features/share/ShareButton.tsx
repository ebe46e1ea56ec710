/** "Copy link" (and the native share sheet where there is one). */
import { useState } from 'react';

export function ShareButton({ label, url, title }: { label: string; url: () => string; title: string }) {
  const [done, setDone] = useState<string | null>(null);
  const copy = async () => {
    const link = url();
    try {
      await navigator.clipboard.writeText(link);
      setDone('Link copied');
    } catch {
      setDone(`Copy this link: ${link}`);
    }
  };
  return (
    <span className="share">
      <button type="button" onClick={copy}>
        {label}
      </button>
      {typeof navigator.share === 'function' && (
        <button type="button" onClick={() => navigator.share({ title, url: url() }).catch(() => undefined)}>
          Share…
        </button>
      )}
      <span role="status" className="muted">
        {done}
      </span>
    </span>
  );
}
