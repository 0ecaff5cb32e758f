// Things Gentry wants the person to know once (from listProfiles), dismissible.
import { useShallow } from 'zustand/react/shallow';
import { useGenerations } from '../stores/bound-stores.ts';
import { visibleNotices } from '../../features/generations/store/generations-store.ts';

/** The notices banner (nothing when there are none or they were dismissed). */
export function NoticesBanner() {
  const notices = useGenerations(useShallow(visibleNotices));
  const dismiss = useGenerations((state) => state.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div className="banner banner-info" role="status" data-testid="notices">
      <ul className="banner-text notices">
        {notices.map((notice) => <li key={notice}>{notice}</li>)}
      </ul>
      <button type="button" className="button button-quiet" onClick={dismiss} data-testid="dismiss-notices" aria-label="Dismiss these notices">Dismiss</button>
    </div>
  );
}
