import { useTranslation } from 'react-i18next';

// Dates, times and numbers in the reader's language: Swedish (sv-SE) or British English (en-GB),
// always in Swedish time (Europe/Stockholm) whatever the browser's own zone.

export const TIME_ZONE = 'Europe/Stockholm';

export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'sv-SE';
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    cache.set(key, format);
  }
  return format;
}

export function formatDateTime(value: string | Date | null | undefined, language: string): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

export function formatDate(value: string | Date | null | undefined, language: string): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(
    localeOf(language),
    language === 'en' ? { dateStyle: 'medium' } : { dateStyle: 'short' },
  ).format(date);
}

export function formatNumber(value: number, language: string): string {
  const key = `n|${localeOf(language)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language));
    cache.set(key, format);
  }
  return format.format(value);
}

/** SEK from integer öre, e.g. 1234550 → "12 345,50 kr". */
export function formatSek(ore: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'SEK' }).format(ore / 100);
}

/**
 * The instant a calendar date (YYYY-MM-DD) starts in Stockholm, as ISO 8601 with offset; with
 * `endOfDay` the last millisecond of that date.
 */
export function stockholmDayBoundary(date: string, endOfDay = false): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(
    y,
    m - 1,
    d,
    endOfDay ? 23 : 0,
    endOfDay ? 59 : 0,
    endOfDay ? 59 : 0,
    endOfDay ? 999 : 0,
  );
  // Offset of Stockholm at that wall time: compare the wall clock Intl reports with UTC.
  const parts = dateFormat('sv-SE', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(wall));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const seen = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offsetMs = seen - Math.floor(wall / 1000) * 1000;
  const instant = new Date(wall - offsetMs);
  return instant.toISOString();
}

export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    locale: localeOf(language),
    dateTime: (value: string | Date | null | undefined) => formatDateTime(value, language),
    date: (value: string | Date | null | undefined) => formatDate(value, language),
    number: (value: number) => formatNumber(value, language),
    sek: (ore: number) => formatSek(ore, language),
  };
}
