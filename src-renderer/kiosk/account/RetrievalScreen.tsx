// 最近考次报名账号找回 (A7): identity + captcha → the masked account, or '无法查询到报名信息'.
import { Button, Descriptions, Form, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdType } from '../../../shared/domain/identity.js';
import { normalizeName } from '../../../shared/rules/contact.js';
import { normalizeIdNumber } from '../../../shared/rules/id-number.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { CaptchaField } from './CaptchaField.js';
import { IdentityFields } from './IdentityFields.js';
import { useCaptcha } from './use-captcha.js';

interface RetrievalValues {
  idType: IdType;
  idNumber: string;
  name: string;
  captcha: string;
}

export function RetrievalScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RetrievalValues>();
  const captcha = useCaptcha();
  const refusal = useRefusal(form, ['idType', 'idNumber', 'name', 'captcha']);
  const [found, setFound] = useState<{ email: string; mobile: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The passport is looked up on the server.
  const offline = useNeedsServer() !== null;

  const submit = async (values: RetrievalValues) => {
    if (captcha.id === null) return;
    refusal.clear();
    setBusy(true);
    const result = await call('retrieveAccount', {
      idType: values.idType,
      idNumber: normalizeIdNumber(values.idType, values.idNumber),
      name: normalizeName(values.name),
      captcha: { id: captcha.id, answer: values.captcha },
    });
    setBusy(false);
    captcha.refresh();
    form.setFieldValue('captcha', '');
    if (result.ok) setFound(result.value);
    else refusal.show(result.error);
  };

  if (found !== null) {
    return (
      <Page title={t('retrieval.title')} width={640}>
        <Result status="success" title={t('retrieval.found')} />
        <Typography.Paragraph>{t('retrieval.yourAccount')}</Typography.Paragraph>
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('fields.email')}>{found.email}</Descriptions.Item>
          <Descriptions.Item label={t('fields.mobile')}>{found.mobile}</Descriptions.Item>
        </Descriptions>
        <Button type="primary" size="large" style={{ marginTop: 24 }} onClick={() => go({ name: 'home' })}>
          {t('app.home')}
        </Button>
      </Page>
    );
  }

  return (
    <Page title={t('retrieval.title')} width={640}>
      <Typography.Paragraph>{t('retrieval.lead')}</Typography.Paragraph>
      {refusal.alert}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <IdentityFields />
        <CaptchaField captcha={captcha} refreshDisabled={offline} />
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={offline || captcha.id === null}>
            {t('retrieval.submit')}
          </Button>
          <Button size="large" onClick={() => go({ name: 'home' })}>
            {t('app.home')}
          </Button>
          <NeedsServerNote />
        </Space>
      </Form>
    </Page>
  );
}
