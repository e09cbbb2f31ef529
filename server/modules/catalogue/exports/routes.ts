import { z } from 'zod';
import {
  exportSettings,
  exportSettingsUpdate,
  ledgerQuery,
  specification,
  specificationExportQuery,
  specificationQuery,
} from '../../../../shared/catalogue/exports.ts';
import type { Database } from '../../../db/client.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { cataloguePolicy } from '../policy.ts';
import { ledgerFile, sieFile, specificationFile, specification as unitSpecification } from './service.ts';
import { getExportConfig, missingSettings, updateExportSettings } from './settings.ts';

// HTTP for a run's exports: the SIE 4i vouchers and the ledger file of a locked run for the
// finance system, a unit's specification (JSON for the printable page, CSV/XLSX for its ekonom),
// and the tenant's export settings.

const sieResponse = {
  description: 'SIE 4i in CP437 (IBM PC8), CRLF line endings',
  content: { 'text/plain': { schema: z.string() } },
};

async function settingsAnswer(db: Database, actor: Actor) {
  const c = await getExportConfig(db, actor.tenantId);
  return {
    series: c.series,
    incomeAccount: c.incomeAccount,
    itUnit: c.itUnit,
    defaultAccount: c.defaultAccount,
    layout: c.layout,
    complete: missingSettings(c).length === 0,
    version: c.version,
    can: { update: cataloguePolicy.runs(actor) },
  };
}

export function exportRoutes(app: App, { db }: ModuleContext) {
  const tags = ['catalogue'];

  app.get(
    '/api/v1/catalogue/export-settings',
    {
      schema: {
        tags,
        summary: "How the tenant's locked runs are exported: voucher series, accounts, the ledger layout",
        response: { 200: exportSettings, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request) => settingsAnswer(db, principalOf(request)),
  );

  app.put(
    '/api/v1/catalogue/export-settings',
    {
      schema: {
        tags,
        summary: 'Change the export settings (version 0 while the tenant has none)',
        body: exportSettingsUpdate,
        response: { 200: exportSettings, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.runs },
    },
    async (request) => {
      const actor = principalOf(request);
      await updateExportSettings(db, actor, request.body);
      return settingsAnswer(db, actor);
    },
  );

  app.get(
    '/api/v1/catalogue/runs/:id/sie',
    {
      schema: {
        tags,
        summary: 'A locked run as SIE 4i vouchers: one per cost centre, each balancing to zero',
        description:
          'Kostnadsställe is dimension 1 and the activity (projekt) dimension 6; every object is declared. ' +
          'A run that is not locked, or incomplete export settings, answer 409 naming what is missing.',
        params: idParams,
        response: { 200: sieResponse, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.runs },
    },
    async (request, reply) => sendFile(reply, await sieFile(db, principalOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/catalogue/runs/:id/ledger',
    {
      schema: {
        tags,
        summary: "A locked run in the tenant's ledger layout (CSV or XLSX), summed per kontering",
        params: idParams,
        querystring: ledgerQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.runs },
    },
    async (request, reply) =>
      sendFile(reply, await ledgerFile(db, principalOf(request), request.params.id, request.query.format)),
  );

  app.get(
    '/api/v1/catalogue/runs/:id/specification',
    {
      schema: {
        tags,
        summary: "A unit's specification for the run: its lines and its sub-units', summed per kontering",
        params: idParams,
        querystring: specificationQuery,
        response: { 200: specification, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRunLines },
    },
    async (request) => unitSpecification(db, principalOf(request), request.params.id, request.query.unitId),
  );

  app.get(
    '/api/v1/catalogue/runs/:id/specification/export',
    {
      schema: {
        tags,
        summary: "A unit's specification as XLSX or CSV, for its ekonom",
        params: idParams,
        querystring: specificationExportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRunLines },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await specificationFile(
          db,
          principalOf(request),
          request.params.id,
          request.query.unitId,
          request.query.format,
        ),
      ),
  );
}
