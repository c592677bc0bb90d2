// The first offline step's buttons, under its form: go on (the form's submit), or back to the choice between a new and an existing passport.
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { go } from '../../stores/flow-store.js';

export function OfflineFormActions({ nextLabel, disabled = false }: { nextLabel: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Button type="primary" htmlType="submit" size="large" disabled={disabled}>
        {nextLabel}
      </Button>
      <Button size="large" onClick={() => go({ name: 'offlineStart' })}>
        {t('app.back')}
      </Button>
    </Space>
  );
}
