import { useState } from 'react';
import type { z } from 'zod';

// Form state without a form library: values, one setter per field, and client-side checks with
// the same Zod schemas the server validates with (shared/), so both speak the same messages.

export function useFormValues<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  function set<K extends keyof T>(field: K) {
    return (value: T[K]) => setValues((current) => ({ ...current, [field]: value }));
  }
  return { values, setValues, set, reset: (next: T) => setValues(next) };
}

/** Field → first message, or null when the input is valid. */
export function validate(schema: z.ZodType, input: unknown): Record<string, string> | null {
  const result = schema.safeParse(input);
  if (result.success) return null;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/** '' → null for optional text fields. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The fields of `next` that differ from `before` (for PATCH). */
export function changedFields<T extends Record<string, unknown>>(before: T, next: Partial<T>): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] !== before[key]) result[key] = next[key];
  }
  return result;
}

/**
 * A form's values when a newer version of its record arrives while it is open: the newer values,
 * except the fields changed in the form since the version it was read from, which stay (an edit
 * not yet saved is not lost to a version someone else, or one's own reply, made meanwhile).
 */
export function keepEdits<T extends object>(read: T, edited: T, newer: T): T {
  const kept = { ...newer };
  for (const key of Object.keys(newer) as (keyof T)[]) {
    if (JSON.stringify(edited[key]) !== JSON.stringify(read[key])) kept[key] = edited[key];
  }
  return kept;
}

/**
 * After a failed submit: move focus to the first field marked invalid (or the error summary).
 * The marks appear once React has rendered, hence the short wait. If the person moves the focus
 * themselves within it (into the field, or back to the button to send again), it stays where they
 * put it: otherwise a late move would pull the focus away mid-keystroke and an Enter meant for the
 * button would land in a text area (a CI failure of the inbox's discard dialog).
 */
export function focusFirstInvalid(form: HTMLFormElement | null | undefined) {
  if (!form) return;
  let moved = false;
  const onMove = () => {
    moved = true;
  };
  document.addEventListener('focusin', onMove, { once: true });
  setTimeout(() => {
    document.removeEventListener('focusin', onMove);
    if (moved) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.querySelector<HTMLElement>('[role="alert"]');
    if (target && !target.hasAttribute('tabindex') && target.getAttribute('role') === 'alert')
      target.setAttribute('tabindex', '-1');
    target?.focus();
  }, 50);
}
