// CET6资格复核 (C2–C8): the application shown back masked with its status, or the form to submit, edit after a rejection, or delete.
import { Alert, Button, Descriptions, Popconfirm, Space, Tag, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskedReviewApplication } from '../../../shared/contracts/http/review.js';
import { useCandidateStore } from '../../stores/candidate-store.js';
import { go } from '../../stores/flow-store.js';
import { useRefusal } from '../../ui/use-refusal.js';
import { call } from '../shell/call.js';
import { NeedsServerNote, useNeedsServer } from '../shell/needs-server.js';
import { Page } from '../shell/Page.js';
import { ReviewForm } from './ReviewForm.js';

// Dark fills under white text: antd's light preset tags fall below the contrast a status needs (axe color-contrast).
const STATUS_COLOURS = { AUTO_APPROVED: '#237804', APPROVED: '#237804', PENDING: '#0050b3', REJECTED: '#a8071a' } as const;

export function ReviewScreen({ returnTo }: { returnTo: 'qualificationConfirm' | 'registration' }) {
  const { t } = useTranslation();
  const [application, setApplication] = useState<MaskedReviewApplication | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const refusal = useRefusal();
  // 修改 leads to a resubmission and 删除 is the server's; 关闭 goes back whatever the network does.
  const offline = useNeedsServer() !== null;

  const load = useCallback(async () => {
    const result = await call('getMyReview', {});
    if (result.ok) setApplication(result.value.application);
    else refusal.show(result.error);
  }, [refusal.show]);

  useEffect(() => {
    void load();
  }, [load]);

  const close = async () => {
    // A review approved at once (C3) grants CET6 now: the confirm page shows the new 资格科目.
    const identity = useCandidateStore.getState().queriedIdentity;
    if (returnTo === 'qualificationConfirm' && identity !== null) {
      const result = await call('queryQualification', identity);
      if (result.ok) useCandidateStore.getState().patch({ qualification: result.value });
    }
    go({ name: returnTo });
  };

  const remove = async () => {
    const result = await call('deleteReview', {});
    if (!result.ok) return refusal.show(result.error);
    void message.success(t('review.deleted'));
    setApplication(null);
  };

  const closeButton = (
    <Button size="large" onClick={() => void close()}>
      {t('review.close')}
    </Button>
  );

  if (application === undefined) return <Page title={t('review.action')}>{refusal.alert}</Page>;

  if (application === null || editing) {
    return (
      <Page title={editing ? t('review.editTitle') : t('review.newTitle')} width={640}>
        {refusal.alert}
        <ReviewForm
          resubmit={editing}
          onSubmitted={(submitted) => {
            setEditing(false);
            setApplication(submitted);
          }}
          extraButtons={closeButton}
        />
      </Page>
    );
  }

  return (
    <Page title={t('review.viewTitle')} width={640}>
      {refusal.alert}
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('fields.name')}>{application.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idType')}>{application.idType}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idNumber')}>{application.idNumber}</Descriptions.Item>
        <Descriptions.Item label={t('fields.ticketNumber')}>{application.ticketNumber}</Descriptions.Item>
        <Descriptions.Item label={t('review.status')}>
          <Tag variant="solid" color={STATUS_COLOURS[application.status]} data-testid="review-status">
            {t(`review.statusName.${application.status}`)}
          </Tag>
        </Descriptions.Item>
        {application.reason !== null && <Descriptions.Item label={t('review.reason')}>{application.reason}</Descriptions.Item>}
        <Descriptions.Item label={t('review.submissions')}>{application.submissionCount}</Descriptions.Item>
      </Descriptions>
      {application.status === 'PENDING' && <Alert type="info" showIcon title={t('review.pendingNote')} style={{ marginTop: 16 }} />}
      {(application.status === 'APPROVED' || application.status === 'AUTO_APPROVED') && <Alert type="success" showIcon title={t('review.finalNote')} style={{ marginTop: 16 }} />}
      <Space style={{ marginTop: 24 }} wrap>
        {application.editable && (
          <Button type="primary" size="large" disabled={offline} onClick={() => setEditing(true)}>
            {t('review.edit')}
          </Button>
        )}
        {application.deletable && (
          <Popconfirm title={t('review.deleteConfirm')} okText={t('payment.ok')} cancelText={t('payment.cancel')} onConfirm={() => void remove()} disabled={offline}>
            <Button danger size="large" disabled={offline}>
              {t('review.delete')}
            </Button>
          </Popconfirm>
        )}
        {closeButton}
        {(application.editable || application.deletable) && <NeedsServerNote />}
      </Space>
    </Page>
  );
}
