import { Anchor, Button, FileButton, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachedFile } from '../../../../shared/files.ts';
import { DOCUMENT_FILES, type DocumentVersion } from '../../../../shared/governance/documents.ts';
import { api } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { DataTable } from '../../../platform/table.tsx';
import { governanceKeys } from '../api.ts';

// A document's versions: each a file uploaded to the document through the platform's files (the
// server tells PDF and Word from the bytes and refuses the rest) with a change note.

export function Versions({ documentId, canAdd }: { documentId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const key = [...governanceKeys.document(documentId), 'versions'];
  const versions = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api.get<{ items: DocumentVersion[] }>(`/api/v1/documents/${documentId}/versions`, { signal }),
  });
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: async () => {
      const uploaded = await api.post<AttachedFile>(
        `/api/v1/attachments/${DOCUMENT_FILES}/${documentId}?name=${encodeURIComponent(file!.name)}`,
        undefined,
        { raw: { body: file!, contentType: 'application/octet-stream' } },
      );
      return api.post<DocumentVersion>(`/api/v1/documents/${documentId}/versions`, {
        fileId: uploaded.id,
        changeNote: note.trim(),
      });
    },
    onSuccess: async (v) => {
      await client.invalidateQueries({ queryKey: key });
      setFile(null);
      setNote('');
      notifySuccess(t('governance.documents.versions.added', { number: v.number }));
    },
  });
  const items = versions.data?.items ?? [];
  const v = (name: string) => t(`governance.documents.versions.${name}`);
  return (
    <Stack gap="md">
      {canAdd && (
        <form
          aria-label={v('form')}
          onSubmit={(e) => {
            e.preventDefault();
            if (file && note.trim()) add.mutate();
          }}
        >
          <Stack gap="xs">
            <Group gap="sm" align="center">
              <FileButton onChange={setFile} accept="application/pdf,.pdf,.docx">
                {(props) => (
                  <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} {...props}>
                    {v('choose')}
                  </Button>
                )}
              </FileButton>
              {file && (
                <Text size="sm" aria-live="polite">
                  {t('governance.documents.versions.chosen', { name: file.name })}
                </Text>
              )}
            </Group>
            <Textarea
              label={v('changeNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
            <Group>
              <Button type="submit" disabled={!file || !note.trim()} loading={add.isPending}>
                {v('add')}
              </Button>
            </Group>
            <ProblemAlert error={add.error} />
          </Stack>
        </form>
      )}
      <DataTable
        caption={v('title')}
        colSpan={5}
        minWidth={640}
        loading={versions.isPending}
        error={versions.error}
        empty={items.length === 0}
        emptyText={v('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{v('number')}</Table.Th>
            <Table.Th scope="col">{v('file')}</Table.Th>
            <Table.Th scope="col">{v('changeNote')}</Table.Th>
            <Table.Th scope="col">{v('by')}</Table.Th>
            <Table.Th scope="col">{v('at')}</Table.Th>
          </Table.Tr>
        }
      >
        {items.map((item) => (
          <Table.Tr key={item.number}>
            <Table.Td>
              <Text span size="sm">
                {item.number}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor href={`/api/v1/files/${item.fileId}`} download={item.fileName} size="sm">
                {item.fileName}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {item.changeNote}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {item.createdByName}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {f.date(item.createdAt)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
