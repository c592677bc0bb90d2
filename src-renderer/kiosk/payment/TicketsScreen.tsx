// 准考证 (R10): the tickets of arranged, paid subjects inside the print window, each printable.
import { Alert, Button, Descriptions, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionTicket } from '../../../shared/contracts/http/tickets.js';
import { writtenSittingOf } from '../../../shared/domain/subject.js';
import { maskIdNumber } from '../../../shared/rules/masking.js';
import { go } from '../../stores/flow-store.js';
import { codeName } from '../../ui/format.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { Page } from '../shell/Page.js';
import { PrintButton } from './PrintButton.js';

export function TicketsScreen() {
  const { t } = useTranslation();
  const [tickets, setTickets] = useState<readonly AdmissionTicket[] | null>(null);
  const refusal = useRefusal();
  // The day, and for a written subject the half of it (四级 上午, 六级 下午); an oral's time is the school's to announce.
  const examTimeOf = (ticket: AdmissionTicket) => {
    const sitting = writtenSittingOf(ticket.subject);
    return sitting === null ? ticket.examDate : `${ticket.examDate} ${t(`tickets.sitting.${sitting}`)}`;
  };

  useEffect(() => {
    void call('listMyTickets', {}).then((result) => (result.ok ? setTickets(result.value.tickets) : refusal.show(result.error)));
  }, [refusal.show]);

  return (
    <Page title={t('tickets.title')}>
      {refusal.alert}
      {tickets !== null && tickets.length === 0 && <Alert type="info" showIcon title={t('tickets.none')} />}
      <div className="print-area">
        {(tickets ?? []).map((ticket) => (
          <Descriptions key={ticket.enrolmentId} column={2} bordered size="middle" title={ticket.examSessionName} style={{ marginBottom: 24 }}>
            <Descriptions.Item label={t('tickets.ticketNumber')} span={2}>{ticket.ticketNumber}</Descriptions.Item>
            <Descriptions.Item label={t('fields.name')}>{ticket.candidateName}</Descriptions.Item>
            <Descriptions.Item label={t('fields.idNumber')}>{maskIdNumber(ticket.idNumber)}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.subject')}>{`(${ticket.subject.code}) ${ticket.subject.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.examTime')}>{examTimeOf(ticket)}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.campus')} span={2}>{`${codeName(ticket.school)} ${codeName(ticket.campus)}`}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.room')}>{ticket.room}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.seat')}>{ticket.seat}</Descriptions.Item>
          </Descriptions>
        ))}
      </div>
      <Space wrap className="no-print">
        {tickets !== null && tickets.length > 0 && <PrintButton document="admissionTicket" label={t('tickets.print')} />}
        <Button size="large" onClick={() => go({ name: 'registration' })}>
          {t('payment.back')}
        </Button>
      </Space>
    </Page>
  );
}
