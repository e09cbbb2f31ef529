import type { Group } from '../../../../shared/desk/groups.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { EmptyValue } from '../../../platform/page.tsx';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

/** What the group is for: the system of a förvaltning, the supplier of a supplier's group. */
export function GroupConcerns({ group }: { group: Group }) {
  if (group.kind === 'management' && group.systemId)
    return (
      <RouterAnchor to="/systems/$systemId" params={{ systemId: group.systemId }} size="sm">
        {group.systemName}
      </RouterAnchor>
    );
  if (group.kind === 'supplier' && group.supplierId)
    return (
      <RouterAnchor to="/suppliers/$supplierId" params={{ supplierId: group.supplierId }} size="sm">
        {group.supplierName}
      </RouterAnchor>
    );
  return <EmptyValue />;
}
