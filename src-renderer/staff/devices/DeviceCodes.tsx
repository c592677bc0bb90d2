// 设备 (kiosk enrolment): a one-time code for a campus, shown big with its expiry, to type into a new kiosk.
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/contracts/http/endpoint.js';
import type { issueDeviceEnrolmentCode } from '../../../shared/contracts/http/staff.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { CampusSelect } from '../shell/CampusSelect.js';
import { Section } from '../shell/Section.js';
import { staffCall } from '../shell/staff-api.js';

type IssuedCode = ResponseOf<typeof issueDeviceEnrolmentCode>;

export function DeviceCodes() {
  const { t } = useTranslation();
  const [campusCode, setCampusCode] = useState<string | undefined>(undefined);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal();

  const issue = async () => {
    if (campusCode === undefined) return;
    refusal.clear();
    setBusy(true);
    const result = await staffCall('issueDeviceEnrolmentCode', { campusCode });
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    setIssued(result.value);
  };

  return (
    <Section title={t('staff.devices.title')}>
      <Typography.Paragraph>{t('staff.devices.lead')}</Typography.Paragraph>
      <Space wrap>
        <label htmlFor="device-campus">{t('staff.campus')}</label>
        <CampusSelect id="device-campus" value={campusCode} onChange={(code) => { setCampusCode(code); setIssued(null); }} />
        <Button type="primary" disabled={campusCode === undefined} loading={busy} onClick={() => void issue()}>
          {t('staff.devices.issue')}
        </Button>
        {campusCode === undefined && <Typography.Text type="secondary">{t('staff.devices.campusFirst')}</Typography.Text>}
      </Space>
      <div style={{ marginTop: 16 }}>{refusal.alert}</div>
      {issued !== null && (
        <Card style={{ marginTop: 16, maxWidth: 520, textAlign: 'center' }}>
          <Typography.Text>{t('staff.devices.codeFor', { campus: issued.campusCode })}</Typography.Text>
          <div data-testid="enrolment-code" aria-label={t('staff.devices.codeLabel')} style={{ fontSize: 56, fontFamily: 'monospace', letterSpacing: 6, fontWeight: 700, margin: '12px 0' }}>
            {issued.code}
          </div>
          <Alert type="warning" showIcon title={t('staff.devices.expires', { at: new Date(issued.expiresAt).toLocaleString() })} />
        </Card>
      )}
    </Section>
  );
}
