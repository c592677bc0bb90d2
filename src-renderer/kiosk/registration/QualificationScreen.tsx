// 资格信息查询 (R2): 证件类型 (no 军官证), 证件号码 and 姓名 → the roster record on the next screen.
import { Button, Form, Space, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity, IdType } from '../../../shared/domain/identity.js';
import { normalizeName } from '../../../shared/rules/contact.js';
import { normalizeIdNumber } from '../../../shared/rules/id-number.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { IdentityFields } from '../account/IdentityFields.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';

export function QualificationScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Identity>();
  const queried = useCandidateStore((state) => state.queriedIdentity);
  const refusal = useRefusal(form, ['idType', 'idNumber', 'name']);
  const [busy, setBusy] = useState(false);
  // The query reads the server's roster (R2).
  const offline = useNeedsServer() !== null;

  const submit = async (values: { idType: IdType; idNumber: string; name: string }) => {
    refusal.clear();
    const identity = { idType: values.idType, idNumber: normalizeIdNumber(values.idType, values.idNumber), name: normalizeName(values.name) };
    setBusy(true);
    const result = await call('queryQualification', identity);
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    useCandidateStore.getState().patch({ queriedIdentity: identity, qualification: result.value });
    void message.success(t('qualification.querySucceeded'));
    go({ name: 'qualificationConfirm' });
  };

  return (
    <Page title={t('qualification.title')} width={640}>
      {refusal.alert}
      <Form form={form} layout="vertical" initialValues={queried ?? undefined} onFinish={(values) => void submit(values)}>
        <IdentityFields idTypeExtra={t('qualification.idTypeHint')} />
        <Space>
          <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={offline}>
            {t('qualification.query')}
          </Button>
          <Button size="large" onClick={() => go({ name: 'welcome' })}>
            {t('app.home')}
          </Button>
          <NeedsServerNote />
        </Space>
      </Form>
    </Page>
  );
}
