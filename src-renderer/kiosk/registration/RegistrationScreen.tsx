// 报名信息 (R8–R10): the saved registration, the tips, its enrolments with 支付 and 更新, and the ways on to subjects, review and tickets.
import { Alert, Button, Descriptions, Space, Typography, message } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../shared/contracts/http/enrolment.js';
import { payableEnrolments } from '../../../shared/rules/payment.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { useTimeZone } from '../../stores/reference-store.js';
import { codeName, formatInstant } from '../../ui/format.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { ReviewButton } from '../review/ReviewButton.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { EnrolmentTable } from './EnrolmentTable.js';
import { subjectList } from './RosterDetails.js';

export function RegistrationScreen() {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const registration = useCandidateStore((state) => state.registration);
  const refusal = useRefusal();
  // Every action here calls the server or opens a screen that loads from it: while it is away they wait, saying why (K3).
  const needsServer = useNeedsServer();
  const offline = needsServer !== null;

  const reload = useCallback(async () => {
    const result = await call('getMyRegistration', {});
    if (result.ok) useCandidateStore.getState().patch({ registration: result.value.registration });
    else refusal.show(result.error);
  }, [refusal.show]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const cancel = async (enrolment: EnrolmentView) => {
    const result = await call('cancelEnrolment', { enrolmentId: enrolment.id });
    if (!result.ok) return refusal.show(result.error);
    void message.success(result.value.registrationDeleted ? t('registration.registrationDeleted') : t('registration.cancelled'));
    if (result.value.registrationDeleted) {
      useCandidateStore.getState().patch({ registration: null });
      go({ name: 'welcome' });
    } else {
      await reload();
    }
  };

  if (registration === null) {
    return (
      <Page title={t('registration.title')}>
        {refusal.alert}
        <Typography.Paragraph>{t('registration.noRegistration')}</Typography.Paragraph>
        <Space wrap>
          <Button type="primary" size="large" disabled={offline} onClick={() => go({ name: 'agreement' })}>
            {t('welcome.start')}
          </Button>
          <NeedsServerNote />
        </Space>
      </Page>
    );
  }

  const all = [...registration.written.enrolments, ...registration.oral.enrolments];
  const payable = payableEnrolments(all);
  const payReason = payable.length === 0 ? t('registration.nothingToPay') : null;
  const oralReason = registration.written.enrolments.length === 0 ? t('registration.writtenFirst') : null;
  const ticketsReason = registration.ticketsPrintable ? null : t('registration.ticketsNotYet');
  const allPaid = all.length > 0 && payable.length === 0 && all.every((enrolment) => enrolment.paymentStatus === 'PAID');

  return (
    <Page title={t('registration.title')} width={1180}>
      {refusal.alert}
      <Alert
        type="info"
        title={t('registration.tipsTitle')}
        description={
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {(t('registration.tips', { returnObjects: true }) as readonly string[]).map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ol>
        }
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={2} bordered size="middle">
        <Descriptions.Item label={t('fields.name')}>{registration.masked.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.gender')}>{registration.masked.gender}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idType')}>{registration.masked.idType}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idNumber')}>{registration.masked.idNumber}</Descriptions.Item>
        <Descriptions.Item label={t('registration.rosterSchool')}>{codeName(registration.school)}</Descriptions.Item>
        <Descriptions.Item label={t('registration.rosterCampus')}>{codeName(registration.campus)}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.subjects')} span={2}>
          {subjectList(registration.qualificationSubjects, t('qualification.none'))}
        </Descriptions.Item>
      </Descriptions>
      {registration.deletedIfEmptyAt !== null && (
        <Alert type="warning" showIcon title={t('registration.emptyWarning', { at: formatInstant(registration.deletedIfEmptyAt, timeZone) })} style={{ marginTop: 16 }} />
      )}
      <Alert type={allPaid ? 'success' : 'warning'} showIcon title={allPaid ? t('registration.allPaid') : payable.length > 0 ? t('registration.unpaidHint') : t('registration.noWritten')} style={{ marginTop: 16 }} />
      <Space wrap style={{ marginTop: 16 }}>
        <Button size="large" disabled={offline} onClick={() => go({ name: 'written' })}>
          {t('registration.written')}
        </Button>
        <Button size="large" disabled={offline || oralReason !== null} onClick={() => go({ name: 'oral' })}>
          {t('registration.oral')}
        </Button>
        <ReviewButton offer={registration.cet6Review} returnTo="registration" />
        {/* Offline, the one reason that holds for the whole group; online, the rule's reason. */}
        {needsServer === null && oralReason !== null && <Typography.Text type="secondary">{oralReason}</Typography.Text>}
        <NeedsServerNote />
      </Space>
      <EnrolmentTable title={t('registration.writtenTitle')} group={registration.written} empty={t('registration.noWritten')} onCancel={(enrolment) => void cancel(enrolment)} />
      <EnrolmentTable title={t('registration.oralTitle')} group={registration.oral} empty={t('registration.noOral')} onCancel={(enrolment) => void cancel(enrolment)} />
      <Space wrap style={{ marginTop: 24 }}>
        <Button type="primary" size="large" disabled={offline || payReason !== null} onClick={() => go({ name: 'payment' })}>
          {t('registration.pay')}
        </Button>
        <Button size="large" disabled={offline} onClick={() => void reload()}>
          {t('registration.refresh')}
        </Button>
        <Button size="large" disabled={offline || ticketsReason !== null} onClick={() => go({ name: 'tickets' })}>
          {t('registration.tickets')}
        </Button>
        {needsServer === null && payReason !== null && <Typography.Text type="secondary">{payReason}</Typography.Text>}
        {needsServer === null && ticketsReason !== null && <Typography.Text type="secondary">{ticketsReason}</Typography.Text>}
        <NeedsServerNote />
      </Space>
    </Page>
  );
}
