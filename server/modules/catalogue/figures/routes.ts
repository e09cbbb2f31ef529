import {
  budgetYearParams,
  comparison,
  figureSettings,
  figureSettingsUpdate,
  figures,
  figuresExportQuery,
  figuresQuery,
  trend,
  trendQuery,
  unitBudgets,
  unitBudgetsPut,
} from '../../../../shared/catalogue/figures.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { cataloguePolicy } from '../policy.ts';
import { figurePermissions, presentBudgets, presentSettings } from './present.ts';
import * as service from './service.ts';

// HTTP for the cost figures (nyckeltal): the tenant's figures per unit, the trend over years, the
// XLSX, the comparison with the installation's other tenants that share theirs, the units'
// budgets and the sharing setting. Staff read them (the totals per unit are public record, as the
// runs' totals are); the catalogue's keepers set the budgets and whether the tenant shares.

export function figureRoutes(app: App, { db }: ModuleContext) {
  const tags = ['catalogue'];
  const definitionsNote =
    'Every answer carries the definitions of its figures (shared/catalogue/figures.ts), in Swedish and English.';

  app.get(
    '/api/v1/catalogue/figures',
    {
      schema: {
        tags,
        summary:
          "The tenant's IT cost per unit, per employee and per IT workplace of a year, with budget against outcome",
        description: definitionsNote,
        querystring: figuresQuery,
        response: { 200: figures, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request) => {
      const actor = principalOf(request);
      const answer = await service.figuresOf(db, actor, request.query.year ?? service.thisYear());
      return { ...answer, can: figurePermissions(actor) };
    },
  );

  app.get(
    '/api/v1/catalogue/figures/trend',
    {
      schema: {
        tags,
        summary: "The tenant's figures per year, the last `years` years up to this one",
        description: definitionsNote,
        querystring: trendQuery,
        response: { 200: trend, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request) => service.trendOf(db, principalOf(request), request.query.years),
  );

  app.get(
    '/api/v1/catalogue/figures/comparison',
    {
      schema: {
        tags,
        summary:
          'The same figures of every tenant of the installation that shares them, side by side (totals only)',
        description:
          'Only tenants whose figure settings share their figures are listed, and only to a tenant that shares its own; ' +
          'no unit, line or id of another tenant is answered. ' +
          definitionsNote,
        querystring: figuresQuery,
        response: { 200: comparison, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request) =>
      service.comparisonOf(db, principalOf(request), request.query.year ?? service.thisYear()),
  );

  app.get(
    '/api/v1/catalogue/figures/export',
    {
      schema: {
        tags,
        summary: "The year's figures per unit and in total as XLSX, with the definitions",
        querystring: figuresExportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await service.figuresFile(db, principalOf(request), request.query.year ?? service.thisYear()),
      ),
  );

  app.get(
    '/api/v1/catalogue/unit-budgets/:year',
    {
      schema: {
        tags,
        summary: "The units' IT budgets of a year",
        params: budgetYearParams,
        response: { 200: unitBudgets, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request) => {
      const actor = principalOf(request);
      const year = request.params.year;
      return presentBudgets(actor, year, await service.listUnitBudgets(db, actor, year));
    },
  );

  app.put(
    '/api/v1/catalogue/unit-budgets/:year',
    {
      schema: {
        tags,
        summary: "Set units' IT budgets of a year, all or none (with each budget's version when it has one)",
        params: budgetYearParams,
        body: unitBudgetsPut,
        response: { 200: unitBudgets, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      const year = request.params.year;
      await service.putUnitBudgets(db, actor, year, request.body);
      return presentBudgets(actor, year, await service.listUnitBudgets(db, actor, year));
    },
  );

  app.get(
    '/api/v1/catalogue/figure-settings',
    {
      schema: {
        tags,
        summary: "Whether the tenant shares its figures' totals with the installation's other tenants",
        response: { 200: figureSettings, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSettings(actor, await service.getFigureSettings(db, actor.tenantId));
    },
  );

  app.put(
    '/api/v1/catalogue/figure-settings',
    {
      schema: {
        tags,
        summary: 'Share the totals, or stop sharing them (version 0 while the tenant has saved none)',
        body: figureSettingsUpdate,
        response: { 200: figureSettings, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      await service.updateFigureSettings(db, actor, request.body);
      return presentSettings(actor, await service.getFigureSettings(db, actor.tenantId));
    },
  );
}
