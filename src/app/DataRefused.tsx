/**
 * What an embed shows instead of events from another site: a frame hides the address bar, so a reader
 * could not see that the events are another file's claims. The full app shows them, announced.
 */
import { OpenInAtlas } from './OpenInAtlas.tsx';
import { viewLink } from './url-sync.ts';

export function DataRefused({ host }: { host: string }) {
  return (
    <div className="app embedded">
      <header className="topbar">
        <h1>Conflict Atlas</h1>
        <div className="topbar-actions">
          <OpenInAtlas link={viewLink} />
        </div>
      </header>
      <main className="refusal">
        <p className="notice error" role="alert">
          This embedded map does not show events from another site: the link asks for a data file on{' '}
          <strong>{host}</strong>, and a frame hides the address that would tell you so. Open it in Conflict
          Atlas to see those events, marked as that file's claims.
        </p>
      </main>
    </div>
  );
}
