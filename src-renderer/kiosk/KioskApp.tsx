// The kiosk window: header, the K1 progress steps on every screen, the current screen, and the K2 idle guard.
import { Layout } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { lazyView, usePrefetchViews, ViewBoundary, ViewLoading } from '../app/lazy-view.js';
import { ProgressBar } from '../app/ProgressBar.js';
import { IdleGuard } from '../privacy/IdleGuard.js';
import { useCandidateStore } from '../stores/candidate-store.js';
import { useFlowStore, type Screen } from '../stores/flow-store.js';
import { HomeScreen } from './home/HomeScreen.js';
import { OfflineBanner } from './offline/OfflineBanner.js';
import { useOfflineQueue } from './offline/use-offline-queue.js';
import { KioskHeader } from './shell/KioskHeader.js';
import { screenStep } from './shell/screen-step.js';
import { useExamSession } from './shell/use-exam-session.js';

// The home screen is in the kiosk's first chunk; every later screen is a chunk of its own, fetched
// in the background once the home screen is up (usePrefetchViews), so no step waits on it.
const LoginScreen = lazyView(() => import('./account/LoginScreen.js'), 'LoginScreen');
const PasswordResetScreen = lazyView(() => import('./account/PasswordResetScreen.js'), 'PasswordResetScreen');
const RegisterConfirmScreen = lazyView(() => import('./account/RegisterConfirmScreen.js'), 'RegisterConfirmScreen');
const RegisterDoneScreen = lazyView(() => import('./account/RegisterDoneScreen.js'), 'RegisterDoneScreen');
const RegisterScreen = lazyView(() => import('./account/RegisterScreen.js'), 'RegisterScreen');
const ResetLinkScreen = lazyView(() => import('./account/ResetLinkScreen.js'), 'ResetLinkScreen');
const RetrievalScreen = lazyView(() => import('./account/RetrievalScreen.js'), 'RetrievalScreen');
const PaymentScreen = lazyView(() => import('./payment/PaymentScreen.js'), 'PaymentScreen');
const ReceiptScreen = lazyView(() => import('./payment/ReceiptScreen.js'), 'ReceiptScreen');
const TicketsScreen = lazyView(() => import('./payment/TicketsScreen.js'), 'TicketsScreen');
const AgreementScreen = lazyView(() => import('./registration/AgreementScreen.js'), 'AgreementScreen');
const QualificationConfirmScreen = lazyView(() => import('./registration/QualificationConfirmScreen.js'), 'QualificationConfirmScreen');
const QualificationScreen = lazyView(() => import('./registration/QualificationScreen.js'), 'QualificationScreen');
const RegistrationScreen = lazyView(() => import('./registration/RegistrationScreen.js'), 'RegistrationScreen');
const WelcomeScreen = lazyView(() => import('./registration/WelcomeScreen.js'), 'WelcomeScreen');
const ReviewScreen = lazyView(() => import('./review/ReviewScreen.js'), 'ReviewScreen');
const OralScreen = lazyView(() => import('./subjects/OralScreen.js'), 'OralScreen');
const WrittenScreen = lazyView(() => import('./subjects/WrittenScreen.js'), 'WrittenScreen');
// Offline capture (K3): served by the host like every chunk, so they load with the server away.
const OfflineStartScreen = lazyView(() => import('./offline/OfflineStartScreen.js'), 'OfflineStartScreen');
const OfflinePassportScreen = lazyView(() => import('./offline/OfflinePassportScreen.js'), 'OfflinePassportScreen');
const OfflineLoginScreen = lazyView(() => import('./offline/OfflineLoginScreen.js'), 'OfflineLoginScreen');
const OfflineRegistrationScreen = lazyView(() => import('./offline/OfflineRegistrationScreen.js'), 'OfflineRegistrationScreen');
const OfflineWrittenScreen = lazyView(() => import('./offline/OfflineWrittenScreen.js'), 'OfflineWrittenScreen');
const OfflineOralScreen = lazyView(() => import('./offline/OfflineOralScreen.js'), 'OfflineOralScreen');
const OfflineSummaryScreen = lazyView(() => import('./offline/OfflineSummaryScreen.js'), 'OfflineSummaryScreen');
const VerifyMobileScreen = lazyView(() => import('./offline/VerifyMobileScreen.js'), 'VerifyMobileScreen');

function screenView(screen: Screen): ReactNode {
  switch (screen.name) {
    case 'home':
      return <HomeScreen />;
    case 'register':
      return <RegisterScreen />;
    case 'registerConfirm':
      return <RegisterConfirmScreen />;
    case 'registerDone':
      return <RegisterDoneScreen />;
    case 'login':
      return <LoginScreen />;
    case 'passwordReset':
      return <PasswordResetScreen />;
    case 'resetLink':
      return <ResetLinkScreen token={screen.token} />;
    case 'retrieval':
      return <RetrievalScreen />;
    case 'welcome':
      return <WelcomeScreen />;
    case 'agreement':
      return <AgreementScreen />;
    case 'qualification':
      return <QualificationScreen />;
    case 'qualificationConfirm':
      return <QualificationConfirmScreen />;
    case 'review':
      return <ReviewScreen returnTo={screen.returnTo} />;
    case 'registration':
      return <RegistrationScreen />;
    case 'written':
      return <WrittenScreen />;
    case 'oral':
      return <OralScreen />;
    case 'payment':
      return <PaymentScreen />;
    case 'receipt':
      return <ReceiptScreen />;
    case 'tickets':
      return <TicketsScreen />;
    case 'offlineStart':
      return <OfflineStartScreen />;
    case 'offlinePassport':
      return <OfflinePassportScreen />;
    case 'offlineLogin':
      return <OfflineLoginScreen />;
    case 'offlineRegistration':
      return <OfflineRegistrationScreen />;
    case 'offlineWritten':
      return <OfflineWrittenScreen />;
    case 'offlineOral':
      return <OfflineOralScreen />;
    case 'offlineSummary':
      return <OfflineSummaryScreen />;
    case 'verifyMobile':
      return <VerifyMobileScreen />;
  }
}

export function KioskApp() {
  const screen = useFlowStore((state) => state.screen);
  const registration = useCandidateStore((state) => state.registration);
  useExamSession();
  usePrefetchViews();
  useOfflineQueue();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <KioskHeader />
      {/* antd's Content is the page's one <main> landmark; the screen sits in it without a second one. */}
      <Layout.Content style={{ padding: 24 }}>
        <nav className="no-print" style={{ background: '#fff', padding: 16, borderRadius: 8 }}>
          <ProgressBar current={screenStep(screen.name, registration)} />
        </nav>
        <OfflineBanner screen={screen.name} />
        <div>
          {/* A screen still loading shows a labelled spinner under the header and progress bar; a chunk that cannot load says so. */}
          <ViewBoundary>
            <Suspense fallback={<ViewLoading />}>{screenView(screen)}</Suspense>
          </ViewBoundary>
        </div>
      </Layout.Content>
      <IdleGuard />
    </Layout>
  );
}
