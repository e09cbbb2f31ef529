import { eq } from 'drizzle-orm';
import { isAdmin, isStaff } from '../authz.ts';
import type { AttachmentKind } from '../files/kinds.ts';
import { readScope } from '../tenancy.ts';
import { units } from './schema.ts';

// The documents of a unit (its delegationsordning, its decisions on IT). The directory is public
// record to staff, so any staff member reads them; only admins, who maintain the directory, add
// or archive them. Registered on the seam by ./index.ts like any module's kinds.

export const unitAttachments: AttachmentKind = {
  kind: 'unit',
  async exists(db, actor, recordId) {
    const [row] = await db
      .select({ id: units.id })
      .from(units)
      .where(readScope(db, actor).where(units, eq(units.id, recordId)))
      .limit(1);
    return Boolean(row);
  },
  canRead: (_db, actor) => isStaff(actor),
  canAttach: (_db, actor) => isAdmin(actor),
};
