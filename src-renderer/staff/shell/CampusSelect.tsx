// The campus picker every campus-scoped tab shares: the teacher's school's campuses, or every campus for an admin.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { campusesOf, useStaffSession } from '../../stores/staff-session.js';
import { codeName } from '../../ui/format.js';

export function CampusSelect({ value, onChange, id }: { value: string | undefined; onChange: (code: string) => void; id?: string }) {
  const { t } = useTranslation();
  const schools = useStaffSession((state) => state.schools);
  return (
    <Select
      id={id}
      aria-label={t('staff.campus')}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('fields.choose')}
      value={value}
      onChange={onChange}
      style={{ minWidth: 280 }}
      options={campusesOf(schools).map((campus) => ({ value: campus.code, label: codeName(campus) }))}
    />
  );
}
