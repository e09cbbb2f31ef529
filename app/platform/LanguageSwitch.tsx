import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from './i18n.ts';

/** One button that switches to the other language, named in that language. */
export function LanguageSwitch({ variant = 'header' }: { variant?: 'header' | 'light' }) {
  const { t, i18n } = useTranslation();
  const next = currentLanguage() === 'sv' ? 'en' : 'sv';
  return (
    <button
      type="button"
      className={variant === 'header' ? 'styrbord-header-button' : undefined}
      style={
        variant === 'light'
          ? {
              background: 'none',
              border: 0,
              color: 'var(--mantine-color-anchor)',
              display: 'inline-flex',
              gap: 6,
              alignItems: 'center',
              fontSize: 14,
              padding: 4,
            }
          : undefined
      }
      onClick={() => void setLanguage(next)}
      aria-label={t('language.switchLabel')}
      data-language={i18n.language}
      data-testid="language-switch"
    >
      <IconLanguage size={18} aria-hidden />
      <span lang={next}>{t('language.other')}</span>
    </button>
  );
}
