// Whether the actions that need the privileged helper can run here: asked once when a view that offers one
// shows, so its buttons are disabled with the reason before any preview.
import { useEffect } from 'react';
import { useActions } from '../../../shared/stores/bound-stores.ts';

/** Why the privileged actions cannot run here, or null when they can (or while the answer is not in yet). */
export function usePrivilegedUnavailable(): string | null {
  const readiness = useActions((state) => state.readiness);
  const load = useActions((state) => state.loadReadiness);
  useEffect(() => {
    void load();
  }, [load]);
  return readiness && !readiness.privileged.ready ? readiness.privileged.reason : null;
}
