// The ticked offerings of a subject screen and their submission: written (R5) and oral (R6) subjects enrol the same way.
import { message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/contracts/ipc.js';
import { go } from '../../stores/flow-store.js';
import { call } from '../shell/call.js';
import { useOfferingToggle } from './use-offering-toggle.js';

interface Refusal {
  readonly show: (error: IpcError) => void;
  readonly clear: () => void;
}

export function useSubjectSelection(enrol: 'enrolWritten' | 'enrolOral', refusal: Refusal) {
  const { t } = useTranslation();
  const { selected, toggle, clear } = useOfferingToggle();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    refusal.clear();
    setBusy(true);
    const result = await call(enrol, { offeringIds: [...selected] });
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    void message.success(t('subjects.saved'));
    go({ name: 'registration' });
  };

  return { selected, busy, toggle, submit, clear };
}
