// One image captcha: fetched on mount, and again after every use (the server burns it on any answer, right or wrong).
import { useCallback, useEffect, useState } from 'react';
import { kioskApi, type Refusal } from '../../platform/kiosk-api.js';

export interface Captcha {
  readonly id: string | null;
  readonly svg: string | null;
  readonly failure: Refusal | null;
  refresh(): void;
}

export function useCaptcha(): Captcha {
  const [state, setState] = useState<{ id: string | null; svg: string | null; failure: Refusal | null }>({ id: null, svg: null, failure: null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void kioskApi()
      .invoke('createCaptcha', {})
      .then((result) => {
        if (!current) return;
        setState(result.ok ? { id: result.value.captchaId, svg: result.value.svg, failure: null } : { id: null, svg: null, failure: result.error });
      });
    return () => {
      current = false;
    };
  }, [round]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, refresh };
}
