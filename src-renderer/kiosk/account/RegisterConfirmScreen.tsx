// 注册信息确认 (A3): the data as the server will store it, shown back (ID number masked), then 确认 registers.
import { Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '../../../shared/rules/masking.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';

export function RegisterConfirmScreen() {
  const { t } = useTranslation();
  const draft = useCandidateStore((state) => state.passportDraft);
  const preview = useCandidateStore((state) => state.passportPreview);
  const patch = useCandidateStore((state) => state.patch);
  const refusal = useRefusal();
  const [busy, setBusy] = useState(false);
  // The passport is created on the server (A3); offline it is 离线登记's to capture, from the home screen.
  const offline = useNeedsServer() !== null;
  if (draft === null || preview === null) return null;

  const confirm = async () => {
    setBusy(true);
    const result = await call('registerPassport', { ...draft, confirmation: preview.confirmation });
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    patch({ registeredPassport: result.value, passportDraft: null, passportPreview: null });
    go({ name: 'registerDone' });
  };

  return (
    <Page title={t('register.confirmTitle')} width={640}>
      <Typography.Paragraph>{t('register.confirmLead')}</Typography.Paragraph>
      {refusal.alert}
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('fields.email')}>{preview.email}</Descriptions.Item>
        <Descriptions.Item label={t('fields.mobile')}>{preview.mobile}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idType')}>{t(`idType.${preview.idType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idNumber')}>{maskIdNumber(preview.idNumber)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.name')}>{preview.name}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 24 }} wrap>
        <Button type="primary" size="large" loading={busy} disabled={offline} onClick={() => void confirm()}>
          {t('register.confirm')}
        </Button>
        <Button size="large" onClick={() => go({ name: 'register' })}>
          {t('register.cancel')}
        </Button>
        <NeedsServerNote />
      </Space>
    </Page>
  );
}
