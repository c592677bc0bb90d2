// The roster record (学籍) as the 资格信息确认 page shows it; the ID number masked (K2).
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterRecordView } from '../../../shared/contracts/http/registration.js';
import { maskIdNumber } from '../../../shared/rules/masking.js';
import { codeName } from '../../ui/format.js';

export function subjectList(subjects: readonly { code: string; name: string }[], none: string): string {
  return subjects.length === 0 ? none : subjects.map((subject) => subject.name).join('；');
}

export function RosterDetails({ record }: { record: RosterRecordView }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('fields.name')}>{record.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.gender')}>{t(`gender.${record.gender}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idType')}>{t(`idType.${record.idType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idNumber')}>{maskIdNumber(record.idNumber)}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.subjects')}>{subjectList(record.qualificationSubjects, t('qualification.none'))}</Descriptions.Item>
      </Descriptions>
      <Descriptions column={2} bordered size="middle" title={t('qualification.roster')} style={{ marginTop: 24 }}>
        <Descriptions.Item label={t('qualification.school')} span={2}>{codeName(record.school)}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.campus')} span={2}>{codeName(record.campus)}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.educationLevel')}>{t(`educationLevel.${record.educationLevel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.lengthOfSchooling')}>{record.lengthOfSchooling}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.enrolmentYear')}>{record.enrolmentYear}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.grade')}>{record.grade}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.department')}>{record.department}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.major')}>{record.major}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.className')}>{record.className}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.studentNumber')}>{record.studentNumber}</Descriptions.Item>
        <Descriptions.Item label={t('qualification.notes')} span={2}>{record.notes}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
