import type { TFunction } from 'i18next';

// Small pieces the service pages share.

/** Business minutes as hours and minutes ("4 tim", "1 tim 30 min"); null is no target. */
export function durationText(t: TFunction, minutes: number | null): string {
  if (minutes === null) return t('desk.services.duration.none');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(t('desk.services.duration.hours', { count: hours }));
  if (rest > 0 || hours === 0) parts.push(t('desk.services.duration.minutes', { count: rest }));
  return parts.join(' ');
}
