// The staff window (teacher workstation, K4): login, then the header with school and logout, and one tab per task.
import { Button, ConfigProvider, Layout, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch.js';
import { ArrangementPanel } from './arrangement/ArrangementPanel.js';
import { AuditLog } from './audit/AuditLog.js';
import { resetStaffStores, useStaffSession } from '../stores/staff-session.js';
import { watchSyncStatus } from '../stores/sync-status-store.js';
import { startOutbox } from '../outbox/index.js';
import { platformBridge } from '../platform/bridge.js';
import { DeviceCodes } from './devices/DeviceCodes.js';
import { GroupPayment } from './group-payment/GroupPayment.js';
import { ImportScreen } from './imports/ImportScreen.js';
import { OutboxMonitor } from './outbox/OutboxMonitor.js';
import { StaffLogin } from './login/StaffLogin.js';
import { CampusOverview } from './overview/CampusOverview.js';
import { forgetOfflineReview, prepareOfflineReview } from './offline/offline-review.js';
import { ReviewQueue } from './reviews/ReviewQueue.js';
import { startStaffSession } from './shell/load-schools.js';
import { SyncStatusBar } from './shell/SyncStatusBar.js';
import { staffCall } from './shell/staff-api.js';
import { TeacherOnly } from './shell/TeacherOnly.js';

export function StaffHome() {
  const { t } = useTranslation();
  const session = useStaffSession((state) => state.session);
  const schools = useStaffSession((state) => state.schools);
  const [checking, setChecking] = useState(true);
  const [tab, setTab] = useState('reviews');

  // The header shows the device's sync state whoever is logged in, and before login too; the outbox
  // opens at once so work queued earlier replays without anyone opening its tab.
  useEffect(() => {
    void startOutbox().catch(() => undefined);
    return watchSyncStatus(platformBridge());
  }, []);

  // A reload keeps the session cookie in the host: pick the session up again instead of asking to log in.
  useEffect(() => {
    void staffCall('getSession', {}).then(async (result) => {
      const found = result.ok ? result.value.session : null;
      if (found !== null && found.role !== 'candidate') await startStaffSession(found);
      setChecking(false);
    });
  }, []);

  // Offline review is bound to an online session: cached at its start, gone with it (logout, expiry, or a reload that found none).
  useEffect(() => {
    if (checking) return;
    if (session === null) void forgetOfflineReview().catch(() => undefined);
    else void prepareOfflineReview(session).catch(() => undefined);
  }, [checking, session]);

  const logout = async () => {
    await staffCall('logout', {});
    resetStaffStores();
  };

  const school = session?.schoolCode === null ? t('staff.header.allSchools') : schools.map((s) => `(${s.code})${s.name}`).join('、');
  return (
    // No motion at a desk where a teacher works through a queue: every screen settles at once.
    <ConfigProvider theme={{ token: { motion: false } }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: 'auto', padding: '12px 24px', flexWrap: 'wrap', gap: 12 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
            {t('app.staffTitle')}
          </Typography.Title>
          <Space wrap>
            {session !== null && (
              <Typography.Text data-testid="staff-identity">
                {t('staff.header.who', { name: session.displayName, role: t(`staff.role.${session.role}`), school })}
              </Typography.Text>
            )}
            <SyncStatusBar />
            <LanguageSwitch />
            {session !== null && <Button onClick={() => void logout()}>{t('app.logout')}</Button>}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: '0 24px 24px' }}>
          {checking ? (
            <Spin size="large" style={{ display: 'block', margin: 48 }} />
          ) : session === null ? (
            <StaffLogin />
          ) : (
            <Tabs
              activeKey={tab}
              onChange={setTab}
              destroyOnHidden
              size="large"
              items={[
                { key: 'reviews', label: t('staff.nav.reviews'), children: <TeacherOnly session={session}>{() => <ReviewQueue session={session} />}</TeacherOnly> },
                { key: 'overview', label: t('staff.nav.overview'), children: <CampusOverview /> },
                { key: 'groupPayment', label: t('staff.nav.groupPayment'), children: <TeacherOnly session={session}>{() => <GroupPayment />}</TeacherOnly> },
                { key: 'imports', label: t('staff.nav.imports'), children: <ImportScreen session={session} /> },
                { key: 'devices', label: t('staff.nav.devices'), children: <DeviceCodes /> },
                { key: 'outbox', label: t('staff.nav.outbox'), children: <OutboxMonitor session={session} /> },
                // Admin-only tasks: a teacher has no such tab at all, and the server refuses them the endpoints too.
                ...(session.role === 'admin'
                  ? [
                      { key: 'arrangement', label: t('staff.nav.arrangement'), children: <ArrangementPanel /> },
                      { key: 'audit', label: t('staff.nav.audit'), children: <AuditLog /> },
                    ]
                  : []),
              ]}
            />
          )}
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
