import { Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Perspective, perspectives } from '../../../../shared/governance/goals.ts';

// A goal's own fields (perspective, title, description), the same in the create dialog and the
// edit dialog; each dialog keeps its own state and adds what only it has (the position).

export interface GoalFieldValues {
  perspective: Perspective;
  title: string;
  description: string;
}

export function GoalFields({
  value,
  onChange,
  errors,
}: {
  value: GoalFieldValues;
  onChange: (next: GoalFieldValues) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<GoalFieldValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <Select
        label={t('governance.goals.field.perspective')}
        data={perspectives.map((p) => ({ value: p, label: t(`governance.goals.perspective.${p}`) }))}
        value={value.perspective}
        onChange={(v) => v && set({ perspective: v as Perspective })}
        allowDeselect={false}
        error={errors.perspective}
      />
      <TextInput
        label={t('governance.goals.field.title')}
        value={value.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        required
        error={errors.title}
        data-autofocus
      />
      <Textarea
        label={t('governance.goals.field.description')}
        value={value.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        autosize
        minRows={3}
        error={errors.description}
      />
    </>
  );
}

/** The fields as the API takes them: an empty description is none. */
export const goalFieldsBody = (v: GoalFieldValues) => ({
  perspective: v.perspective,
  title: v.title,
  description: v.description.trim() || null,
});
