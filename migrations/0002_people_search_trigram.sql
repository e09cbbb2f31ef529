-- People search (listPeople) is one ILIKE '%term%' over the searchable fields joined by newlines.
-- Without an index a term that matches nobody reads every person of the tenant; a trigram index on
-- the same expression answers it from the index. The expression must stay identical to the one in
-- server/modules/org/service.ts (searchText) for the planner to use it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin (
  ("sort_name" || E'\n' || "given_name" || ' ' || "family_name" || E'\n' || "email" || E'\n' || coalesce("title", '')) gin_trgm_ops
);
