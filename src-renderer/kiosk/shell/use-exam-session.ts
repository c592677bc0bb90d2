// Loads the exam session once (its time zone, windows and agreement version) into the reference store; a kiosk that
// started while the server was away loads it when the server answers again.
import { useEffect } from 'react';
import { kioskApi } from '../../platform/kiosk-api.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { useOffline } from '../../stores/sync-status-store.js';

export function useExamSession() {
  const examSession = useReferenceStore((state) => state.examSession);
  const offline = useOffline();
  useEffect(() => {
    if (examSession !== null || offline) return;
    void kioskApi()
      .invoke('getExamSession', {})
      .then((result) => {
        if (result.ok) useReferenceStore.getState().patch({ examSession: result.value });
      });
  }, [examSession, offline]);
  return examSession;
}
