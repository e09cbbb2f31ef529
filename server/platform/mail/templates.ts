// What each kind of message says, in Swedish and English. A kind is a name and one function per
// language from its typed parameters to subject and text (html optional); a module adds a kind by
// defining one here-alike with `defineMail` and passing it to `queueMail`.

export type MailLanguage = 'sv' | 'en';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['sv', 'en'];

export interface MailContent {
  subject: string;
  text: string;
  html?: string;
}

export interface MailKind<P> {
  /** Stored in the outbox: `area.what`, unique. */
  kind: string;
  sv(params: P): MailContent;
  en(params: P): MailContent;
}

/** Defines a kind of message; the registry below lists the platform's own. */
export function defineMail<P>(template: MailKind<P>): MailKind<P> {
  return template;
}

/** Renders a kind in a language. */
export function renderMail<P>(template: MailKind<P>, language: MailLanguage, params: P): MailContent {
  return template[language](params);
}

/** A kind registry: kind name → template, refusing a name used twice. */
export function mailRegistry(templates: readonly MailKind<never>[]): ReadonlyMap<string, MailKind<never>> {
  const registry = new Map<string, MailKind<never>>();
  for (const template of templates) {
    if (registry.has(template.kind)) throw new Error(`mail kind ${template.kind} is defined twice`);
    registry.set(template.kind, template);
  }
  return registry;
}

const stockholm = (at: Date, locale: string) =>
  at.toLocaleString(locale, { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });

/**
 * Tells a person their password was changed: by themselves (so a change they did not make is
 * noticed) or reset by an administrator (who is named). Never carries the password.
 */
export const passwordChanged = defineMail<{
  name: string;
  by: 'self' | 'admin';
  adminName?: string;
  at: string;
  organisation: string;
}>({
  kind: 'platform.password-changed',
  sv: (p) => ({
    subject: 'Ditt lösenord i Styrbord har ändrats',
    text: [
      `Hej ${p.name}!`,
      '',
      p.by === 'admin'
        ? `${p.adminName ?? 'En administratör'} har återställt ditt lösenord i Styrbord (${p.organisation}) ${stockholm(new Date(p.at), 'sv-SE')}. Du får ett tillfälligt lösenord av hen och väljer ett nytt när du loggar in.`
        : `Ditt lösenord i Styrbord (${p.organisation}) ändrades ${stockholm(new Date(p.at), 'sv-SE')}.`,
      '',
      'Om det inte var du eller du inte väntade dig det: kontakta din administratör genast.',
    ].join('\n'),
  }),
  en: (p) => ({
    subject: 'Your Styrbord password was changed',
    text: [
      `Hello ${p.name},`,
      '',
      p.by === 'admin'
        ? `${p.adminName ?? 'An administrator'} reset your Styrbord password (${p.organisation}) on ${stockholm(new Date(p.at), 'en-GB')}. They will give you a temporary password, and you choose a new one when you sign in.`
        : `Your Styrbord password (${p.organisation}) was changed on ${stockholm(new Date(p.at), 'en-GB')}.`,
      '',
      'If this was not you or you did not expect it, contact your administrator at once.',
    ].join('\n'),
  }),
});

/** The platform's kinds; modules' kinds join through the module registry. */
export const platformMail = [passwordChanged] as const;
