// R1–R3 offline: the 报名协议, the identity on the roster record and the written campus, queued as registration.save; the roster is matched at replay.
import { Alert, Button, Checkbox, Form, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationSavePayload } from '../../../shared/contracts/operations.js';
import type { Identity } from '../../../shared/domain/identity.js';
import { normalizeName } from '../../../shared/rules/contact.js';
import { normalizeIdNumber } from '../../../shared/rules/id-number.js';
import { maskIdNumber } from '../../../shared/rules/masking.js';
import { checkRegistrationWindow } from '../../../shared/rules/registration-window.js';
import { platformBridge } from '../../platform/bridge.js';
import { go } from '../../stores/flow-store.js';
import { codeName } from '../../ui/format.js';
import { refusalMessage } from '../../ui/refusal-message.js';
import { useLocale } from '../../ui/use-locale.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { IdentityFields } from '../account/IdentityFields.js';
import { AgreementItems } from '../registration/AgreementItems.js';
import { Page } from '../shell/Page.js';
import { examSessionOf } from './cached-catalogue.js';
import { useOfflineStore } from '../../stores/offline-capture-store.js';
import { useCachedCatalogue, queueStep } from './queue.js';

const FIELDS = ['idType', 'idNumber', 'name'];

export function OfflineRegistrationScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<Identity>();
  const refusal = useRefusal(form, FIELDS);
  const catalogue = useCachedCatalogue();
  const candidate = useOfflineStore((state) => state.candidate);
  const identity = useOfflineStore((state) => state.identity);
  const campusCode = useOfflineStore((state) => state.writtenCampusCode);
  const [accepted, setAccepted] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);

  // The kiosk's own campus is where most of its candidates sit the written exam.
  useEffect(() => {
    if (campusCode !== null) return;
    void platformBridge()
      .appInfo({})
      .then((info) => {
        if (info.ok && info.value.device.enrolled) useOfflineStore.getState().patch({ writtenCampusCode: info.value.device.campusCode });
      });
  }, [campusCode]);

  if (candidate === null) return null;
  const session = catalogue?.session ?? null;
  const provinceCode = candidate.by === 'credentials' ? candidate.provinceCode : undefined;
  const windowError = session === null ? null : checkRegistrationWindow(examSessionOf(session), new Date(), provinceCode);
  const reason =
    catalogue === null
      ? t('app.loading')
      : session === null
        ? t('offline.registration.noSession')
        : windowError !== null
          ? refusalMessage(windowError, locale)
          : !accepted
            ? t('agreement.mustAccept')
            : campusCode === null
              ? t('offline.registration.chooseCampus')
              : !confirmed
                ? t('qualification.mustConfirm')
                : null;

  const save = async (values: Identity) => {
    if (session === null) return;
    refusal.clear();
    const parsed = registrationSavePayload.safeParse({
      candidate,
      agreementVersion: session.agreementVersion,
      idType: values.idType,
      idNumber: normalizeIdNumber(values.idType, values.idNumber),
      name: normalizeName(values.name),
      confirmed: true,
    });
    if (!parsed.success) return refusal.show({ code: 'VALIDATION_FAILED', field: String(parsed.error.issues[0]?.path[0] ?? '') });
    const campus = catalogue?.campuses.find((c) => c.code === campusCode);
    setBusy(true);
    const queued = await queueStep('registration.save', parsed.data, [
      `${t(`idType.${parsed.data.idType}`)} ${maskIdNumber(parsed.data.idNumber)}`,
      parsed.data.name,
      campus === undefined ? '' : `${t('offline.registration.campus')}: ${codeName(campus)}`,
    ]);
    setBusy(false);
    if (!queued.ok) return refusal.show(queued.error);
    go({ name: 'offlineWritten' });
  };

  return (
    <Page title={t('offline.registration.title')}>
      <Alert type="info" showIcon title={t('offline.registration.lead')} style={{ marginBottom: 16 }} />
      {refusal.alert}
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {t('agreement.title')}
      </Typography.Title>
      <AgreementItems maxHeight={200} />
      <Checkbox checked={accepted} onChange={(event) => setAccepted(event.target.checked)} style={{ marginBottom: 24 }}>
        {t('agreement.accept')}
      </Checkbox>
      <Form form={form} layout="vertical" initialValues={identity ?? undefined} onFinish={(values) => void save(values)}>
        <IdentityFields />
        <Form.Item label={t('offline.registration.campus')} extra={t('offline.registration.campusHint')} required>
          <Select
            aria-label={t('offline.registration.campus')}
            showSearch={{ optionFilterProp: 'label' }}
            value={campusCode ?? undefined}
            placeholder={t('fields.choose')}
            onChange={(code: string) => useOfflineStore.getState().patch({ writtenCampusCode: code, written: [] })}
            options={(catalogue?.campuses ?? []).map((campus) => ({ value: campus.code, label: codeName(campus) }))}
          />
        </Form.Item>
        <Alert type="info" title={t('qualification.saveWarning')} style={{ marginBottom: 16 }} />
        <Checkbox checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} style={{ marginBottom: 24 }}>
          {t('offline.registration.confirm')}
        </Checkbox>
        <div>
          <Space wrap>
            <Button type="primary" htmlType="submit" size="large" disabled={reason !== null} loading={busy}>
              {t('offline.registration.save')}
            </Button>
            {reason !== null && <Typography.Text type="secondary">{reason}</Typography.Text>}
          </Space>
        </div>
      </Form>
    </Page>
  );
}
