// 欢迎登录CET考试报名系统: the exam session, whether this passport has a saved registration, and 开始报名.
import { Button, Descriptions } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { useReferenceStore } from '../../stores/reference-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { OfflineNotices } from '../offline/OfflineNotices.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';

export function WelcomeScreen() {
  const { t } = useTranslation();
  const examSession = useReferenceStore((state) => state.examSession);
  const registration = useCandidateStore((state) => state.registration);
  const refusal = useRefusal();
  const [loaded, setLoaded] = useState(false);
  // 开始报名 leads to the agreement, which only the server records; 查看报名信息 shows the registration already loaded, so it stays.
  const startNeedsServer = useNeedsServer() !== null && registration === null;

  useEffect(() => {
    void call('getMyRegistration', {}).then((result) => {
      setLoaded(true);
      if (result.ok) useCandidateStore.getState().patch({ registration: result.value.registration });
      else refusal.show(result.error);
    });
  }, [refusal.show]);

  return (
    <Page title={t('welcome.title')} width={640}>
      {refusal.alert}
      <OfflineNotices />
      <Descriptions column={1} bordered size="middle" title={t('welcome.basics')}>
        <Descriptions.Item label={t('welcome.session')}>{examSession?.name ?? t('app.loading')}</Descriptions.Item>
        <Descriptions.Item label={t('welcome.status')}>
          {!loaded ? t('app.loading') : registration === null ? t('welcome.notRegistered') : t('welcome.registered')}
        </Descriptions.Item>
      </Descriptions>
      <Button
        type="primary"
        size="large"
        style={{ marginTop: 24 }}
        disabled={!loaded || startNeedsServer}
        onClick={() => go(registration === null ? { name: 'agreement' } : { name: 'registration' })}
      >
        {registration === null ? t('welcome.start') : t('welcome.view')}
      </Button>
      {startNeedsServer && <NeedsServerNote block />}
    </Page>
  );
}
