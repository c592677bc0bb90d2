// One image captcha: fetched on mount, and again after every use (the server burns it on any answer, right or wrong).
import { useCallback, useEffect, useState } from 'react';
import type { IpcError, IpcResult } from '../../shared/contracts/ipc.js';

export interface Captcha {
  readonly id: string | null;
  readonly svg: string | null;
  readonly failure: IpcError | null;
  refresh(): void;
}

/** Fetches a captcha through a window's own API; pass a function defined once, outside the component. */
export type FetchCaptcha = () => Promise<IpcResult<{ readonly captchaId: string; readonly svg: string }>>;

export function useImageCaptcha(fetchCaptcha: FetchCaptcha): Captcha {
  const [state, setState] = useState<{ id: string | null; svg: string | null; failure: IpcError | null }>({ id: null, svg: null, failure: null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void fetchCaptcha().then((result) => {
      if (!current) return;
      setState(result.ok ? { id: result.value.captchaId, svg: result.value.svg, failure: null } : { id: null, svg: null, failure: result.error });
    });
    return () => {
      current = false;
    };
  }, [fetchCaptcha, round]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, refresh };
}
