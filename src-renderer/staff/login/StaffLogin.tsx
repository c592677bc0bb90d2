// 老师登录: user name, password and the image captcha the staff login endpoint asks for.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaptchaField } from '../../kiosk/account/CaptchaField.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { startStaffSession } from '../shell/load-schools.js';
import { staffCall } from '../shell/staff-api.js';
import { useStaffCaptcha } from './use-staff-captcha.js';

interface LoginValues {
  username: string;
  password: string;
  captcha: string;
}

const FIELDS = ['username', 'password', 'captcha'];

export function StaffLogin() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const captcha = useStaffCaptcha();
  const refusal = useRefusal(form, FIELDS);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (values: LoginValues) => {
    if (captcha.id === null) return;
    refusal.clear();
    setBusy(true);
    const result = await staffCall('staffLogin', { username: values.username.trim(), password: values.password, captcha: { id: captcha.id, answer: values.captcha } });
    captcha.refresh();
    form.setFieldValue('captcha', '');
    if (!result.ok || result.value.role === 'candidate') {
      setBusy(false);
      return refusal.show(result.ok ? { code: 'FORBIDDEN' } : result.error);
    }
    await startStaffSession(result.value);
  };

  const required = { required: true, message: t('app.required') };
  return (
    <Card style={{ maxWidth: 520, margin: '48px auto' }}>
      <Typography.Title level={2} ref={heading} tabIndex={-1} style={{ marginTop: 0, outline: 'none' }}>
        {t('staff.login.title')}
      </Typography.Title>
      {refusal.alert}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="username" label={t('staff.login.username')} rules={[required]}>
          <Input maxLength={64} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} rules={[required]}>
          <Input.Password maxLength={64} autoComplete="current-password" />
        </Form.Item>
        <CaptchaField captcha={captcha} />
        <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={captcha.id === null} block>
          {t('staff.login.submit')}
        </Button>
      </Form>
    </Card>
  );
}
