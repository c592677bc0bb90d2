// 《用户服务协议》《用户隐私政策》 as buttons that open the text, beside the acceptance checkbox (A3).
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Document = 'serviceAgreement' | 'privacyPolicy';

export function AgreementLinks() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Document | null>(null);
  return (
    <>
      {(['serviceAgreement', 'privacyPolicy'] as const).map((document) => (
        <Button key={document} type="link" style={{ padding: '0 4px' }} onClick={() => setOpen(document)}>
          {t(`register.${document}`)}
        </Button>
      ))}
      <Modal open={open !== null} title={open === null ? '' : t(`register.${open}`)} onCancel={() => setOpen(null)} footer={<Button onClick={() => setOpen(null)}>{t('register.close')}</Button>}>
        {open === null ? null : t(`register.${open}Text`)}
      </Modal>
    </>
  );
}
