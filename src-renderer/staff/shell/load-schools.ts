// After login: the schools the staff member acts for, from the public reference data (a teacher's own school, every school for an admin).
import type { StaffSession } from '../../stores/staff-session.js';
import { useStaffSession } from '../../stores/staff-session.js';
import { staffCall } from './staff-api.js';

export async function startStaffSession(session: StaffSession): Promise<void> {
  const result = await staffCall('listProvinces', {});
  const schools = result.ok ? result.value.provinces.flatMap((province) => province.schools) : [];
  useStaffSession.getState().patch({ session, schools: session.schoolCode === null ? schools : schools.filter((school) => school.code === session.schoolCode) });
}
