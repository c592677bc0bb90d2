// Shows a server refusal next to the field it concerns, or above the form when it concerns no field of it.
import { Alert, type FormInstance } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import type { IpcError } from '../../shared/contracts/ipc.js';
import { refusalMessage } from './refusal-message.js';
import { useLocale } from './use-locale.js';

export function useRefusal(form?: FormInstance, fieldNames: readonly string[] = []): {
  readonly alert: ReactNode;
  readonly show: (error: IpcError) => void;
  readonly clear: () => void;
} {
  const locale = useLocale();
  const [general, setGeneral] = useState<IpcError | null>(null);
  // Callers pass a fresh array each render; keyed by its content, `show` stays the same function, so
  // screens that load in an effect depending on it load once instead of on every render.
  const fieldKey = fieldNames.join('\n');
  const show = useCallback(
    (error: IpcError) => {
      if (form && error.field !== undefined && fieldKey.split('\n').includes(error.field)) {
        setGeneral(null);
        form.setFields([{ name: error.field, errors: [refusalMessage(error, locale)] }]);
        form.scrollToField(error.field);
      } else {
        setGeneral(error);
      }
    },
    [form, fieldKey, locale],
  );
  const clear = useCallback(() => setGeneral(null), []);
  const alert = general === null ? null : <Alert type="error" showIcon role="alert" title={refusalMessage(general, locale)} style={{ marginBottom: 16 }} />;
  return { alert, show, clear };
}
