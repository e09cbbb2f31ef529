import type { Database } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { problems } from '../errors.ts';

// Attachments hang on records of some module. A module registers each kind of record that takes
// files, with the record's own rules: the files of a record are read by whoever may read the
// record, and added or archived by whoever may change it. The platform knows no module.

export interface AttachmentKind {
  /** The URL segment: `/api/v1/attachments/:kind/:recordId`; lower case, digits and dashes. */
  kind: string;
  /** Whether the record exists in the actor's tenant (archived records too: their files stay). */
  exists(db: Database, actor: Actor, recordId: string): Promise<boolean>;
  /** May read the record, and so list and download its files. */
  canRead(db: Database, actor: Actor, recordId: string): boolean | Promise<boolean>;
  /** May add files to the record and archive them. */
  canAttach(db: Database, actor: Actor, recordId: string): boolean | Promise<boolean>;
}

export const KIND_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

/** The kinds by name, checked once when the routes are registered. */
export class AttachmentKinds {
  private readonly byName = new Map<string, AttachmentKind>();

  constructor(kinds: readonly AttachmentKind[]) {
    for (const kind of kinds) {
      if (!KIND_PATTERN.test(kind.kind)) throw new Error(`Attachment kind "${kind.kind}" is not a-z, 0-9, -`);
      if (this.byName.has(kind.kind)) throw new Error(`Attachment kind "${kind.kind}" is registered twice`);
      this.byName.set(kind.kind, kind);
    }
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  /**
   * The kind of a record the actor may use: 404 for an unknown kind or a record that is not in
   * the actor's tenant (nothing says whether it exists elsewhere), 403 when the rule says no.
   */
  async authorize(
    db: Database,
    actor: Actor,
    kindName: string,
    recordId: string,
    access: 'read' | 'attach',
  ): Promise<AttachmentKind> {
    const kind = this.byName.get(kindName);
    if (!kind || !(await kind.exists(db, actor, recordId))) throw problems.notFound('record');
    const allowed =
      access === 'read' ? await kind.canRead(db, actor, recordId) : await kind.canAttach(db, actor, recordId);
    if (!allowed) throw problems.forbidden();
    return kind;
  }
}
