// A task the server serves to teachers only (their school's reviews and group payment): an admin sees why instead of a dead screen.
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../stores/staff-session.js';

export function TeacherOnly({ session, children }: { session: StaffSession; children: () => ReactNode }) {
  const { t } = useTranslation();
  if (session.role === 'teacher') return children();
  return <Alert type="info" showIcon title={t('staff.teacherOnly')} style={{ marginTop: 16 }} />;
}
