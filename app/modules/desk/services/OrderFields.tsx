import { Checkbox, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FormField, OrderAnswers } from '../../../../shared/desk/services.ts';
import { ApiError } from '../../../platform/api.ts';
import { translateMessage } from '../../../platform/errors.tsx';
import { DateField } from '../../../platform/inputs.tsx';
import { type Named, PersonSelect } from '../inputs.tsx';

// A service's order form, rendered from its fields (shared/desk/services.ts): one input per field
// of the field's type, each with its label, help and message. The same component shows the form
// in the portal and its preview to the admin who builds it.

/** What the inputs hold: text, a number, yes/no, a chosen person (named, sent as the id). */
export type AnswerValue = string | number | boolean | Named | null | undefined;
export type AnswerValues = Record<string, AnswerValue>;

/** The answers as the API takes them: empty inputs left out, a person as its id. */
export function answersOf(form: readonly FormField[], values: AnswerValues): OrderAnswers {
  const answers: OrderAnswers = {};
  for (const field of form) {
    const value = values[field.key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'object') answers[field.key] = value.id;
    else if (typeof value === 'string') answers[field.key] = field.type === 'textarea' ? value : value.trim();
    else answers[field.key] = value;
  }
  return answers;
}

/** The answers' messages of a failed order, by field key (`body.orderAnswers.<key>`), translated. */
export function answerErrorsOf(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const match = /^body\.orderAnswers\.(.+)$/.exec(e.path);
    if (match && !(match[1]! in out)) out[match[1]!] = translateMessage(t, e.message);
  }
  return out;
}

export function OrderFields({
  form,
  values,
  onChange,
  errors,
  idPrefix,
}: {
  form: readonly FormField[];
  values: AnswerValues;
  onChange: (key: string, value: AnswerValue) => void;
  /** Messages by field key, already translated. */
  errors: Record<string, string>;
  /** Keeps ids apart when two forms are on one page. */
  idPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {form.map((field) => {
        const common = {
          id: `${idPrefix}-${field.key}`,
          label: field.label,
          description: field.help ?? undefined,
          required: field.required,
          error: errors[field.key],
        };
        const value = values[field.key];
        switch (field.type) {
          case 'textarea':
            return (
              <Textarea
                key={field.key}
                {...common}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(field.key, e.currentTarget.value)}
                autosize
                minRows={3}
                maxLength={4000}
              />
            );
          case 'number':
            return (
              <NumberInput
                key={field.key}
                {...common}
                value={typeof value === 'number' ? value : ''}
                onChange={(v) => onChange(field.key, v === '' ? undefined : Number(v))}
                w={220}
              />
            );
          case 'date':
            return (
              <DateField
                key={field.key}
                {...common}
                value={typeof value === 'string' ? value : undefined}
                onChange={(v) => onChange(field.key, v)}
                w={220}
              />
            );
          case 'select':
            return (
              <Select
                key={field.key}
                {...common}
                data={field.options ?? []}
                value={typeof value === 'string' ? value : null}
                onChange={(v) => onChange(field.key, v ?? undefined)}
                clearable={!field.required}
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                comboboxProps={{ withinPortal: true }}
              />
            );
          case 'checkbox':
            return (
              <Checkbox
                key={field.key}
                {...common}
                checked={value === true}
                onChange={(e) => onChange(field.key, e.currentTarget.checked)}
              />
            );
          case 'person':
            return (
              <PersonSelect
                key={field.key}
                {...common}
                value={value && typeof value === 'object' ? value : null}
                onChange={(v) => onChange(field.key, v)}
              />
            );
          default:
            return (
              <TextInput
                key={field.key}
                {...common}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(field.key, e.currentTarget.value)}
                maxLength={400}
              />
            );
        }
      })}
    </Stack>
  );
}
