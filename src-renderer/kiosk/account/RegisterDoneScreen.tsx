// 注册成功: the new passport's id, and the way on to login.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { Page } from '../shell/Page.js';

export function RegisterDoneScreen() {
  const { t } = useTranslation();
  const passport = useCandidateStore((state) => state.registeredPassport);
  return (
    <Page title={t('register.doneTitle')} width={640}>
      <Result
        status="success"
        title={t('register.doneLead')}
        subTitle={passport === null ? null : `${t('register.passportId')}: ${passport.passportId}`}
        extra={
          <Button type="primary" size="large" onClick={() => go({ name: 'login' })}>
            {t('register.goLogin')}
          </Button>
        }
      />
    </Page>
  );
}
