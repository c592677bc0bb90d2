// A print button with its outcome said next to it.
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableDocument } from '../../../shared/contracts/ipc.js';
import { printDocument } from './print.js';

export function PrintButton({ document, label }: { document: PrintableDocument; label: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(null);
  const print = async () => {
    const result = await printDocument(document);
    setOutcome(result.failure !== null ? t('receipt.printFailed', { reason: result.failure }) : result.printed ? t('receipt.printed') : null);
  };
  return (
    <Space className="no-print">
      <Button type="primary" size="large" onClick={() => void print()}>
        {label}
      </Button>
      {outcome !== null && <Typography.Text role="status">{outcome}</Typography.Text>}
    </Space>
  );
}
