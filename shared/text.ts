import { z } from 'zod';

// Control characters other than tab, newline and carriage return never belong in a record:
// they break CSV exports, terminals and the audit trail, so every text field refuses them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\t]/;

/** A one-line text field: trimmed, no control characters, at most `max` characters. */
export function line(max = 200) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), {
      message: 'Must not contain control characters',
    });
}

/** A required one-line text field. */
export function requiredLine(max = 200) {
  return line(max).pipe(z.string().min(1, { message: 'Required' }));
}

/** Free text over several lines (descriptions, reasons). */
export function multiline(max = 4000) {
  return z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'Must not contain control characters' });
}

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Must be an email address' }))
  .transform((s) => s.toLowerCase());

/** Swedish and international phone numbers: digits, spaces, +, -, parentheses. */
export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ()-]*$/, { message: 'Must be a phone number' });

export const id = z.uuid({ message: 'Must be a UUID' });
