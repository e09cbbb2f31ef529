import type { TFunction } from 'i18next';
import { translateMessage } from '../../../platform/errors.tsx';

// The server's field messages of this part (stable English sentences) in the UI's language; the
// platform's own messages go through translateMessage as everywhere else.

const known: Record<string, string> = {
  'Must be a level 0–4': 'level',
  'No such active system': 'noActiveSystem',
  'Must be after the date of the classification': 'reviewAfter',
  'Must be within five years of the classification': 'reviewWithin',
  'The system already has an active classification of this information set': 'duplicate',
};

export function translateClassificationErrors(t: TFunction, errors: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      known[message]
        ? t(`registry.classification.serverMessage.${known[message]}`)
        : translateMessage(t, message),
    ]),
  );
}

/** This part's server messages as the seam takes them (sentence → full translation key). */
export const classificationServerMessages: Record<string, string> = Object.fromEntries(
  Object.entries(known).map(([message, key]) => [message, `registry.classification.serverMessage.${key}`]),
);
