// Chinese first, English one touch away on every screen (SPEC K6).
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <Button size="large" onClick={() => void i18n.changeLanguage(english ? 'zh-CN' : 'en')} lang={english ? 'zh-CN' : 'en'}>
      {english ? t('app.switchToChinese') : t('app.switchToEnglish')}
    </Button>
  );
}
