// The kiosk window: header, the K1 progress steps on every screen, the current screen, and the K2 idle guard.
import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { ProgressBar } from '../app/ProgressBar.js';
import { IdleGuard } from '../privacy/IdleGuard.js';
import { useCandidateStore } from '../stores/candidate-store.js';
import { useFlowStore, type Screen } from '../stores/flow-store.js';
import { LoginScreen } from './account/LoginScreen.js';
import { PasswordResetScreen } from './account/PasswordResetScreen.js';
import { RegisterConfirmScreen } from './account/RegisterConfirmScreen.js';
import { RegisterDoneScreen } from './account/RegisterDoneScreen.js';
import { RegisterScreen } from './account/RegisterScreen.js';
import { ResetLinkScreen } from './account/ResetLinkScreen.js';
import { RetrievalScreen } from './account/RetrievalScreen.js';
import { HomeScreen } from './home/HomeScreen.js';
import { PaymentScreen } from './payment/PaymentScreen.js';
import { ReceiptScreen } from './payment/ReceiptScreen.js';
import { TicketsScreen } from './payment/TicketsScreen.js';
import { AgreementScreen } from './registration/AgreementScreen.js';
import { QualificationConfirmScreen } from './registration/QualificationConfirmScreen.js';
import { QualificationScreen } from './registration/QualificationScreen.js';
import { RegistrationScreen } from './registration/RegistrationScreen.js';
import { WelcomeScreen } from './registration/WelcomeScreen.js';
import { ReviewScreen } from './review/ReviewScreen.js';
import { KioskHeader } from './shell/KioskHeader.js';
import { screenStep } from './shell/screen-step.js';
import { useExamSession } from './shell/use-exam-session.js';
import { OralScreen } from './subjects/OralScreen.js';
import { WrittenScreen } from './subjects/WrittenScreen.js';

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
  }
}

export function KioskApp() {
  const screen = useFlowStore((state) => state.screen);
  const registration = useCandidateStore((state) => state.registration);
  useExamSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <KioskHeader />
      {/* antd's Content is the page's one <main> landmark; the screen sits in it without a second one. */}
      <Layout.Content style={{ padding: 24 }}>
        <nav className="no-print" style={{ background: '#fff', padding: 16, borderRadius: 8 }}>
          <ProgressBar current={screenStep(screen.name, registration)} />
        </nav>
        <div>{screenView(screen)}</div>
      </Layout.Content>
      <IdleGuard />
    </Layout>
  );
}
