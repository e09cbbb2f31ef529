CREATE INDEX "portfolio_procurements_start_idx" ON "portfolio_procurements" USING btree ("tenant_id","planned_start_on");--> statement-breakpoint
CREATE INDEX "portfolio_deviations_latest_idx" ON "portfolio_deviations" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "portfolio_projects_period_idx" ON "portfolio_projects" USING btree ("tenant_id","starts_on","ends_on");