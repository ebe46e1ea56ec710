/** An embed's way out: the same view in the full app, in a new tab (a frame is small, and hides the address). */
import type { SyntheticEvent } from 'react';

export function OpenInAtlas({ link }: { link: () => string }) {
  // The map's view is in the hash, which changes without a render: the address is read again as the
  // link is followed, copied or hovered.
  const refresh = (e: SyntheticEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = link();
  };
  return (
    <a
      className="open-atlas"
      href={link()}
      target="_blank"
      rel="noopener"
      onClick={refresh}
      onAuxClick={refresh}
      onContextMenu={refresh}
      onFocus={refresh}
      onPointerEnter={refresh}
    >
      Open in Conflict Atlas <span aria-hidden="true">↗</span>
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
