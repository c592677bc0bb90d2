// The 考点省份 list for login, fetched once per candidate and kept in the reference store.
import { useEffect, useState } from 'react';
import { kioskApi, type Refusal } from '../../platform/kiosk-api.js';
import { useReferenceStore } from '../../stores/reference-store.js';

export function useProvinces() {
  const provinces = useReferenceStore((state) => state.provinces);
  const [failure, setFailure] = useState<Refusal | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (provinces !== null) return;
    void kioskApi()
      .invoke('listProvinces', {})
      .then((result) => {
        if (result.ok) useReferenceStore.getState().patch({ provinces: result.value.provinces });
        else setFailure(result.error);
      });
  }, [provinces, round]);
  return { provinces, failure, retry: () => { setFailure(null); setRound((n) => n + 1); } };
}
