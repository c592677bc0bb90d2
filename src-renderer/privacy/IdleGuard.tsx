// SPEC K2: reports activity to the host, shows the idle warning with its countdown, and on the host's word logs out and wipes.
import { Button, Modal, Typography } from 'antd';
import i18next from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformBridge } from '../platform/bridge.js';
import { kioskApi } from '../platform/kiosk-api.js';
import { throttle } from './activity-throttle.js';
import { clearCandidateTraces } from './clear-traces.js';

/** A little under the shortest warning the host allows (5 s), so a touch during the warning always counts. */
const ACTIVITY_INTERVAL_MS = 2_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

async function logoutAndWipe(): Promise<void> {
  // Best effort, and not waited for before the wipe (see use-logout.ts): a network that swallows
  // requests must not keep the candidate on screen; the host drops the session once the wipe is confirmed.
  void kioskApi().invoke('logout', {});
  await clearCandidateTraces();
  await i18next.changeLanguage('zh-CN');
  await platformBridge().idleWiped({});
}

export function IdleGuard() {
  const { t } = useTranslation();
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const bridge = platformBridge();
  const report = useMemo(() => throttle(() => void bridge.idleActivity({}), ACTIVITY_INTERVAL_MS), [bridge]);

  useEffect(() => {
    const onActivity = () => {
      setSecondsLeft(null);
      report();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    const offWarning = bridge.onIdleWarning(({ secondsLeft: left }) => setSecondsLeft(left));
    const offWipe = bridge.onIdleWipe(() => {
      setSecondsLeft(null);
      void logoutAndWipe();
    });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      offWarning();
      offWipe();
    };
  }, [bridge, report]);

  useEffect(() => {
    if (secondsLeft === null || secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft(secondsLeft - 1), 1_000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const stay = () => {
    setSecondsLeft(null);
    void bridge.idleActivity({});
  };

  return (
    <Modal open={secondsLeft !== null} title={t('idle.title')} closable={false} maskClosable={false} footer={null} onCancel={stay}>
      <Typography.Paragraph role="timer" aria-live="assertive">
        {t('idle.lead', { seconds: secondsLeft ?? 0 })}
      </Typography.Paragraph>
      <Button type="primary" size="large" block onClick={stay} autoFocus>
        {t('idle.stay')}
      </Button>
    </Modal>
  );
}
