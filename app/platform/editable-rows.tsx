import { ActionIcon, Button, Group, Table, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// A list edited in place as table rows (a scoring model's criteria, a routing's units, people's
// capacities): one column per field, a remove button per row and an add button below, both only
// for those who may change it. The rows are the caller's state; this only lays them out.

interface Props<R> {
  /** The table's name for screen readers: a caption, or the id of a visible label. */
  caption?: string;
  labelledBy?: string;
  /** Column heads, in the order of `cells`' answer. */
  columns: string[];
  rows: R[];
  /** The row's cells, one per column. */
  cells: (row: R, index: number) => ReactNode[];
  /** Names the row in its remove button's label ("Ta bort <name>"). */
  rowName: (row: R, index: number) => string;
  onRemove: (index: number) => void;
  onAdd: () => void;
  addLabel: string;
  can: boolean;
  /** Hide the table while there are no rows (the add button stays). */
  hideEmpty?: boolean;
  size?: 'xs' | 'sm';
}

export function EditableRows<R>(props: Props<R>) {
  const { t } = useTranslation();
  const { rows, cells, rowName, onRemove, can } = props;
  const remove = t('common.remove');
  return (
    <>
      {(rows.length > 0 || !props.hideEmpty) && (
        <Table aria-labelledby={props.labelledBy}>
          {props.caption && <Table.Caption>{props.caption}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((c) => (
                <Table.Th key={c} scope="col">
                  {c}
                </Table.Th>
              ))}
              <Table.Th scope="col">
                <VisuallyHidden>{remove}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their fields may repeat while typed
              <Table.Tr key={i}>
                {cells(row, i).map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order
                  <Table.Td key={j}>{cell}</Table.Td>
                ))}
                <Table.Td>
                  {can && (
                    <ActionIcon
                      variant="subtle"
                      color="red.8"
                      aria-label={`${remove} ${rowName(row, i)}`}
                      onClick={() => onRemove(i)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can && (
        <Group>
          <Button
            variant="default"
            size={props.size}
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={props.onAdd}
          >
            {props.addLabel}
          </Button>
        </Group>
      )}
    </>
  );
}
