import type { Database } from '../../db/client.ts';
import { defineMail, type MailKind, type MailLanguage } from '../mail/templates.ts';

// What a kind of notification is: a name, a label for the preferences page, and one function per
// language from its stored parameters to the text a person reads. The text is rendered when it is
// read, in the reader's language, so a notification stores parameters only (never a secret: they
// are shown to the person and kept). A platform part or a module declares its kinds once with
// `defineNotification` and lists them in its Module's `notificationKinds` (server/platform/seam.ts).

/** The record a notification links to. */
export interface NotificationRecord {
  /** What kind of record (`unit`, `apiToken`, a module's `contract`). */
  kind: string;
  id: string;
  /** The web app's path of the record (`/units/<id>`). */
  href: string;
}

export interface NotificationMail<P> {
  /** Mail by default, until the person says otherwise on the preferences page. */
  default: boolean;
  /**
   * The message to send, rendered with the notification's parameters; without one the mail is the
   * notification's own text (`notificationMail`).
   */
  template?: MailKind<P>;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of every parameter type
export interface NotificationKind<P = any> {
  /** `area.what`, unique over the platform and modules; stored with each notification. */
  kind: string;
  /** What the preferences page calls the kind. */
  label: Record<MailLanguage, string>;
  sv(params: P): string;
  en(params: P): string;
  /**
   * Whether a person may ask for mail of this kind, and whether they get it until they choose.
   * Absent: the kind is shown in the inbox only.
   */
  mail?: NotificationMail<P>;
  /**
   * For reminders: asked when a reminder of this kind comes due, whether it still applies (the
   * token was not revoked, the contract not ended). Absent: it always does.
   */
  stillDue?(db: Database, tenantId: string, record: NotificationRecord, params: P): Promise<boolean>;
}

/** Declares a kind of notification; list it in the Module's `notificationKinds`. */
export function defineNotification<P>(kind: NotificationKind<P>): NotificationKind<P> {
  return kind;
}

/** A notification's text in a language; a kind no longer registered or a text that fails gives its label. */
export function renderNotification(
  kind: NotificationKind | undefined,
  name: string,
  language: MailLanguage,
  params: unknown,
): string {
  if (!kind) return name;
  try {
    return kind[language](params);
  } catch {
    // Parameters stored by an older version of the kind: still show something true.
    return kind.label[language];
  }
}

/** The mail of a kind without a template of its own: the notification's text and where to find it. */
export const notificationMail = defineMail<{ sv: string; en: string }>({
  kind: 'platform.notification',
  sv: (p) => ({
    subject: p.sv.length > 120 ? `${p.sv.slice(0, 117)}…` : p.sv,
    text: [p.sv, '', 'Du ser den bland dina aviseringar i Styrbord (klockan överst).'].join('\n'),
  }),
  en: (p) => ({
    subject: p.en.length > 120 ? `${p.en.slice(0, 117)}…` : p.en,
    text: [p.en, '', 'You find it among your notifications in Styrbord (the bell at the top).'].join('\n'),
  }),
});
