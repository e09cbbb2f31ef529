-- Lists in Swedish alphabetical order on every database (server/db/columns.ts sortKey): people's
-- and units' sort_name become columns the database generates. Dropping people.sort_name drops the
-- indexes built on it (list, unit list and the people search of 0002); they are made again here,
-- the search one over the expression that server/modules/org/service.ts (searchText) now uses.
DROP INDEX "units_list_idx";--> statement-breakpoint
ALTER TABLE "people" drop column "sort_name";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "sort_name" text GENERATED ALWAYS AS (translate(lower("family_name" || ' ' || "given_name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "units_list_idx" ON "units" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_list_idx" ON "people" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_unit_idx" ON "people" USING btree ("tenant_id","unit_id","sort_name","id");--> statement-breakpoint
DROP INDEX IF EXISTS "people_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin (
  ("family_name" || ' ' || "given_name" || E'\n' || "given_name" || ' ' || "family_name" || E'\n' || "email" || E'\n' || coalesce("title", '')) gin_trgm_ops
);
