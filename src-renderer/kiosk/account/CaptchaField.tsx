// The 验证码 row: the typed answer, the picture and 换一张.
import { Button, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Captcha } from '../../ui/use-image-captcha.js';

/** `refreshDisabled`: a new picture comes from the server, so the kiosk disables 换一张 while the server is away (its form says why). */
export function CaptchaField({ captcha, refreshDisabled = false }: { captcha: Captcha; refreshDisabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('fields.captcha')} required>
      <Space align="center" wrap>
        <Form.Item name="captcha" noStyle rules={[{ required: true, message: t('app.required') }]}>
          <Input style={{ width: 160 }} maxLength={8} autoComplete="off" aria-label={t('fields.captcha')} />
        </Form.Item>
        {captcha.svg !== null ? (
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`}
            alt={t('captcha.alt')}
            data-testid="captcha-image"
            height={44}
            style={{ border: '1px solid #d9d9d9', borderRadius: 4, background: '#fff' }}
          />
        ) : (
          <Typography.Text type="danger">{t('captcha.loadFailed')}</Typography.Text>
        )}
        <Button onClick={captcha.refresh} disabled={refreshDisabled}>{t('captcha.refresh')}</Button>
      </Space>
    </Form.Item>
  );
}
