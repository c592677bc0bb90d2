// Demo accounts for `npm run server`: demo/data's 测试省 and its schools, an admin, a teacher per school, a few passports.
// Each step checks what exists first, so the seed can run on every start; later issues add their steps here.
import { residentIdCheckCharacter } from '../../shared/rules/index.js';
import type { Db } from '../db/database.js';
import { hashPassword } from '../services/passwords.js';
import { DEMO_PROVINCE, DEMO_SCHOOLS } from './data/catalogue.js';
import { newId, newPassportId } from '../services/secrets.js';
import { createStaffAccount } from '../services/staff.js';

/** The exam session demo registrations belong to; the registration issue creates the session itself under this id. */
export const DEMO_EXAM_SESSION_ID = 'demo-2026-h2';

export interface DemoLogin {
  readonly who: string;
  readonly where: string;
  readonly account: string;
  readonly password: string;
}

function residentId(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}

export const DEMO_PASSPORTS = [
  { name: '张三', idNumber: residentId('11010520020315123'), email: 'zhangsan@example.com', mobile: '13800000001', password: 'Demo@2026', registered: true },
  { name: '李四', idNumber: residentId('31011520030808234'), email: 'lisi@example.com', mobile: '13800000002', password: 'Demo@2026', registered: false },
  { name: '王五', idNumber: residentId('44030520011201345'), email: 'wangwu@example.com', mobile: '13800000003', password: 'Demo@2026', registered: false },
] as const;

export const DEMO_STAFF_PASSWORD = 'Staff@2026';

async function seedPlaces(db: Db): Promise<void> {
  await db.insertInto('provinces').values({ code: DEMO_PROVINCE.code, name: DEMO_PROVINCE.name }).onConflict((oc) => oc.column('code').doNothing()).execute();
  for (const school of DEMO_SCHOOLS) {
    await db
      .insertInto('schools')
      .values({ code: school.code, name: school.name, province_code: school.provinceCode })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

async function seedStaff(db: Db, now: Date): Promise<DemoLogin[]> {
  const staff = [
    { username: 'admin', displayName: '客服管理员', role: 'admin' as const, schoolCode: null, where: '管理员 admin' },
    ...DEMO_SCHOOLS.map((school) => ({
      username: `teacher${school.code}`,
      displayName: `${school.name}负责老师`,
      role: 'teacher' as const,
      schoolCode: school.code,
      where: `学校负责老师 teacher of (${school.code})${school.name}`,
    })),
  ];
  for (const account of staff) {
    const exists = await db.selectFrom('staff_accounts').select('id').where('username', '=', account.username).executeTakeFirst();
    if (exists !== undefined) continue;
    const created = await createStaffAccount(db, { ...account, password: DEMO_STAFF_PASSWORD }, now);
    if (!created.ok) throw new Error(`demo staff ${account.username}: ${created.error.code}`);
  }
  return staff.map((account) => ({ who: account.displayName, where: account.where, account: account.username, password: DEMO_STAFF_PASSWORD }));
}

async function seedPassports(db: Db, now: Date): Promise<DemoLogin[]> {
  for (const demo of DEMO_PASSPORTS) {
    const exists = await db.selectFrom('passports').select('id').where('email', '=', demo.email).executeTakeFirst();
    if (exists !== undefined) continue;
    const id = newPassportId();
    await db
      .insertInto('passports')
      .values({
        id,
        email: demo.email,
        mobile: demo.mobile,
        password_hash: await hashPassword(demo.password),
        id_type: 'RESIDENT_ID',
        id_number: demo.idNumber,
        name: demo.name,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (demo.registered) {
      await db
        .insertInto('registrations')
        .values({ id: newId(), exam_session_id: DEMO_EXAM_SESSION_ID, passport_id: id, id_type: 'RESIDENT_ID', id_number: demo.idNumber, name: demo.name, saved_at: now })
        .execute();
    }
  }
  return DEMO_PASSPORTS.map((demo) => ({
    who: `考生 ${demo.name}${demo.registered ? '（已报名）' : ''}`,
    where: `考点省份 ${DEMO_PROVINCE.code} ${DEMO_PROVINCE.name}`,
    account: `${demo.idNumber} / ${demo.email} / ${demo.mobile}`,
    password: demo.password,
  }));
}

/** Seeds what is missing and returns every demo login, to be printed at start. */
export async function seedDemo(db: Db, now: Date): Promise<DemoLogin[]> {
  await seedPlaces(db);
  return [...(await seedStaff(db, now)), ...(await seedPassports(db, now))];
}
