import { Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { ActivityFormModal } from './ActivityForm.tsx';
import { useActivity, useActivityInvalidate } from './api.ts';
import { useActivityDetails } from './details.tsx';
import { ActivityFlags } from './parts.tsx';

// One processing activity: every Art. 30 field in sections, with edit, archive and restore as
// the activity's `can` allows.

export function ActivityPage() {
  const { activityId } = useParams({ from: '/_app/processing-activities/$activityId' });
  const query = useActivity(activityId);
  if (!query.data || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  return <Activity activity={query.data} reload={() => query.refetch()} />;
}

function Activity({
  activity,
  reload,
}: {
  activity: NonNullable<ReturnType<typeof useActivity>['data']>;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const invalidate = useActivityInvalidate();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const path = `/api/v1/processing-activities/${activity.id}`;
  const restore = useRestore(path, activity.version, invalidate);
  const groups = useActivityDetails(activity);
  return (
    <>
      <PageHeader
        title={activity.name}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.privacy.title'), to: '/processing-activities' },
          { label: activity.name },
        ]}
        badges={<ActivityFlags activity={activity} />}
        actions={
          <RecordActions
            archived={activity.archivedAt !== null}
            can={activity.can}
            onEdit={() => setEditing(true)}
            restore={restore}
            history={{ entity: 'processingActivity', entityId: activity.id }}
            onArchive={() => setArchiving(true)}
            items={[
              {
                icon: <IconPrinter size={16} aria-hidden />,
                label: t('registry.privacy.print'),
                onClick: () =>
                  void navigate({
                    to: '/processing-activities/print/$unitId',
                    params: { unitId: activity.controllerId },
                  }),
              },
            ]}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void reload()}
        archived={
          activity.archivedAt
            ? {
                title: t('registry.privacy.archivedTitle', { date: f.date(activity.archivedAt) }),
                reason: activity.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        {activity.description && (
          <Section id="activity-basics" title={t('registry.privacy.section.basics')}>
            {activity.description}
          </Section>
        )}
        {groups.map((g) => (
          <Section key={g.key} id={`activity-${g.key}`} title={t(`registry.privacy.section.${g.key}`)}>
            <DetailList items={g.items} />
          </Section>
        ))}
      </Stack>
      <ActivityFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        activity={activity}
        invalidate={invalidate}
        onReload={reload}
      />
      <ArchiveDialog
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={t('registry.privacy.archiveTitle', { name: activity.name })}
        help={t('registry.privacy.archiveHelp')}
        path={path}
        version={activity.version}
        onReload={reload}
        invalidate={invalidate}
      />
    </>
  );
}
