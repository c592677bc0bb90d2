// 设备队列 (K4, issue #7's monitor): this device's enrolment and its queue of offline operations, and the server's record of refused operations.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contracts/ipc.js';
import { platformBridge } from '../../platform/bridge.js';
import { Section } from '../shell/Section.js';
import { ThisDevice } from './ThisDevice.js';

export function OutboxMonitor() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);

  const loadInfo = useCallback(async () => {
    const result = await platformBridge().appInfo({});
    if (result.ok) setInfo(result.value);
  }, []);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  return (
    <Section title={t('staff.outbox.title')}>
      <ThisDevice info={info} onEnrolled={() => void loadInfo()} />
    </Section>
  );
}
