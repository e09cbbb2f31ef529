import {
  supplier,
  supplierCreate,
  supplierListQuery,
  supplierUpdate,
} from '../../../../shared/registry/contracts.ts';
import type { App } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportSuppliers } from '../contracts/transfer.ts';
import { registryPolicy } from '../policy.ts';
import { presentSupplier } from './present.ts';
import * as suppliers from './service.ts';

// HTTP for suppliers: /api/v1/suppliers (list, export, one, create, change, archive, restore).
// Suppliers are public record (who the municipality buys from): every signed-in reader lists them.

export function supplierRoutes(app: App, { db }: ModuleContext) {
  recordRoutes(app, db, {
    tag: 'registry',
    path: '/api/v1/suppliers',
    noun: 'supplier',
    plural: 'suppliers',
    item: supplier,
    listQuery: supplierListQuery,
    create: supplierCreate,
    update: supplierUpdate,
    read: registryPolicy.read,
    write: registryPolicy.manage,
    present: presentSupplier,
    list: suppliers.listSuppliers,
    exportFile: exportSuppliers,
    get: suppliers.getSupplier,
    add: suppliers.createSupplier,
    change: suppliers.updateSupplier,
    archive: suppliers.archiveSupplier,
    restore: suppliers.restoreSupplier,
  });
}
