import type { TFunction } from 'i18next';
import { translateMessage } from '../../../platform/errors.tsx';

// The server's field messages of the AI register (stable English sentences) in the UI's language.

const known: Record<string, string> = {
  'Name the Annex III area of a high-risk application': 'areaRequired',
  'Only a high-risk application has a high-risk area': 'areaOnlyHigh',
  'A public body must assess fundamental rights before using a high-risk system': 'friaRequired',
  'Give the date of the assessment': 'friaDate',
  'An assessment was made: it cannot be not required': 'friaMade',
  'The system already has an active AI application of this name': 'duplicate',
  'No such active system': 'noActiveSystem',
};

export function translateAiErrors(t: TFunction, errors: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      known[message] ? t(`registry.ai.serverMessage.${known[message]}`) : translateMessage(t, message),
    ]),
  );
}

/** This part's server messages as the seam takes them (sentence → full translation key). */
export const aiServerMessages: Record<string, string> = Object.fromEntries(
  Object.entries(known).map(([message, key]) => [message, `registry.ai.serverMessage.${key}`]),
);
