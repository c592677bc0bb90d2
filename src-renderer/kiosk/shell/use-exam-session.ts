// Loads the exam session once (its time zone, windows and agreement version) into the reference store.
import { useEffect } from 'react';
import { kioskApi } from '../../platform/kiosk-api.js';
import { useReferenceStore } from '../../stores/reference-store.js';

export function useExamSession() {
  const examSession = useReferenceStore((state) => state.examSession);
  useEffect(() => {
    if (examSession !== null) return;
    void kioskApi()
      .invoke('getExamSession', {})
      .then((result) => {
        if (result.ok) useReferenceStore.getState().patch({ examSession: result.value });
      });
  }, [examSession]);
  return examSession;
}
