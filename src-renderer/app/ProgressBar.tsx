// The always-visible progress of the candidate flow (SPEC K1).
import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STEPS, stepIndex, type ProgressStep } from './progress-steps.js';

export function ProgressBar({ current }: { current: ProgressStep }) {
  const { t } = useTranslation();
  return (
    <Steps
      current={stepIndex(current)}
      size="default"
      aria-label={t('app.title')}
      items={PROGRESS_STEPS.map((step) => ({ title: t(`steps.${step}`) }))}
    />
  );
}
