import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { supplierRoutes } from './routes.ts';
import * as suppliers from './service.ts';

// Suppliers on the seam: their routes, the global search, how the audit trail names them, and the
// walks' records. The demo's suppliers are loaded by the systems part, which needs them first.

export const suppliersPart: Part = {
  name: 'suppliers',
  routes: supplierRoutes,
  search: [
    {
      section: 'suppliers',
      async search(db, actor, term, limit) {
        const page = await suppliers.listSuppliers(db, actor, {
          search: term,
          limit,
          includeArchived: false,
        });
        return page.items.map((s) => ({
          id: s.id,
          title: s.name,
          detail: s.orgNumber,
          href: `/suppliers/${s.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'supplier',
      describe: suppliers.supplierRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      const row = await suppliers.createSupplier(db, tenant.actor, {
        name: 'Hemlig leverantör AB',
        orgNumber: '556016-0680',
        contactPerson: 'Hemlig kontakt',
      });
      return { ids: { suppliers: row.id }, secrets: [row.id, 'Hemlig leverantör AB', 'Hemlig kontakt'] };
    },
    bodies: {
      'POST /api/v1/suppliers': () => ({
        name: 'Ny leverantör AB',
        orgNumber: '5566686605',
        address: 'Storgatan 1\n111 22 Stockholm',
        phone: '08-123 45 67',
        email: 'avtal@leverantor.example',
        website: 'https://leverantor.example',
        contactPerson: 'Kim Kontakt, kundansvarig',
        notes: 'Ramavtal via Kammarkollegiet',
      }),
      'PATCH /api/v1/suppliers/{id}': () => ({ version: 1, phone: '08-765 43 21' }),
      'POST /api/v1/suppliers/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/suppliers/{id}/restore': () => ({ version: 1 }),
    },
  },
};
