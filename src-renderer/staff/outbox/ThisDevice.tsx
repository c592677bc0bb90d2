// 本机: whether this workstation is enrolled (offline review and the queue need a device identity), how its secrets are kept, and enrolment with a one-time code.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contracts/ipc.js';
import { platformBridge } from '../../platform/bridge.js';
import { useRefusal } from '../../ui/use-refusal.js';

const FIELDS = ['code'];

export function ThisDevice({ info, onEnrolled }: { info: AppInfo | null; onEnrolled: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string; deviceName?: string }>();
  const refusal = useRefusal(form, FIELDS);
  const [busy, setBusy] = useState(false);
  if (info === null) return null;

  const enrol = async ({ code, deviceName }: { code: string; deviceName?: string }) => {
    refusal.clear();
    setBusy(true);
    const name = deviceName?.trim() ?? '';
    const result = await platformBridge().deviceEnrol({ code: code.trim(), ...(name === '' ? {} : { deviceName: name }) });
    setBusy(false);
    if (!result.ok) return refusal.show(result.error);
    form.resetFields();
    onEnrolled();
  };

  const device = info.device;
  return (
    <Card size="small" title={t('staff.thisDevice.title')} style={{ marginBottom: 16 }} data-testid="this-device">
      {device.enrolled ? (
        <Typography.Paragraph style={{ margin: 0 }}>{t('staff.thisDevice.enrolled', { campus: device.campusCode, name: device.deviceName, at: new Date(device.enrolledAt).toLocaleString() })}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>{t('staff.thisDevice.notEnrolled')}</Typography.Paragraph>
          {refusal.alert}
          <Form form={form} layout="inline" onFinish={(values) => void enrol(values)}>
            <Form.Item name="code" label={t('staff.thisDevice.code')} extra={t('staff.thisDevice.codeHelp')} rules={[{ required: true, whitespace: true, message: t('staff.thisDevice.codeRequired') }]}>
              <Input maxLength={32} autoComplete="off" style={{ width: 200, fontFamily: 'monospace' }} />
            </Form.Item>
            <Form.Item name="deviceName" label={t('staff.thisDevice.name')}>
              <Input maxLength={64} placeholder={t('staff.thisDevice.namePlaceholder')} style={{ width: 300 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('staff.thisDevice.enrol')}
            </Button>
          </Form>
        </>
      )}
      {info.secretProtection !== 'os-keystore' && <Alert type="warning" showIcon title={t(`staff.thisDevice.protection.${info.secretProtection}`)} style={{ marginTop: 12 }} />}
    </Card>
  );
}
