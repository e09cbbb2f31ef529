DROP INDEX "notifications_inbox_idx";--> statement-breakpoint
DROP INDEX "notifications_unread_idx";--> statement-breakpoint
DROP INDEX "portfolio_demands_rank_idx";--> statement-breakpoint
DROP INDEX "portfolio_demands_status_rank_idx";--> statement-breakpoint
DROP INDEX "portfolio_demands_newest_idx";--> statement-breakpoint
CREATE INDEX "notifications_inbox_idx" ON "notifications" USING btree ("tenant_id","person_id","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("tenant_id","person_id","id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "portfolio_demands_rank_idx" ON "portfolio_demands" USING btree ("tenant_id","score","id");--> statement-breakpoint
CREATE INDEX "portfolio_demands_status_rank_idx" ON "portfolio_demands" USING btree ("tenant_id","status","score","id");--> statement-breakpoint
CREATE INDEX "portfolio_demands_newest_idx" ON "portfolio_demands" USING btree ("tenant_id","created_at","id");