import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/sv';
import { useTranslation } from 'react-i18next';

/** PasswordInput whose show/hide button has a name in the UI language. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }} {...props} />;
}

/** `2026-03-01` → the same text when it is a real date in the calendar, else null. */
export function parseIsoDate(text: string): string | null {
  const value = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? value
    : null;
}

export type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale'
> & {
  /** `YYYY-MM-DD`, or undefined for no date. */
  value: string | undefined;
  onChange(value: string | undefined): void;
};

/**
 * A date typed as ÅÅÅÅ-MM-DD or picked from a calendar, in every browser the same: a native
 * <input type="date"> shows the browser's own format instead (mm/dd/yyyy in an English browser).
 * The value is the ISO date text the API takes. Month and weekday names follow the UI language.
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      dateParser={parseIsoDate}
      locale={i18n.language === 'en' ? 'en' : 'sv'}
      placeholder={t('date.placeholder')}
      firstDayOfWeek={1}
      // Mantine's red weekends and grey days of the next month fall short of WCAG AA contrast.
      weekendDays={[]}
      hideOutsideDates
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      ariaLabels={{
        monthLevelControl: t('date.chooseMonth'),
        yearLevelControl: t('date.chooseYear'),
        nextMonth: t('date.nextMonth'),
        previousMonth: t('date.previousMonth'),
        nextYear: t('date.nextYear'),
        previousYear: t('date.previousYear'),
        nextDecade: t('date.nextDecade'),
        previousDecade: t('date.previousDecade'),
      }}
      popoverProps={{ withinPortal: true }}
      {...props}
      value={value || null}
      onChange={(next) => onChange(next ?? undefined)}
    />
  );
}
