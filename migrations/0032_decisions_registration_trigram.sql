-- The decision log's search matches a term with digits (a diarienummer, "KS 2024/12") by its
-- full text or as a part of the diarienummer (ILIKE '%term%', searchCondition in
-- server/modules/governance/decisions/service.ts). With no index for the ILIKE the OR could use
-- neither index, and each such search read the whole log: at 50,000 decisions the server could
-- not keep up with 100 of them a second. With a trigram index on the diarienummer the planner ORs
-- the two indexes' bitmaps (2 ms).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "governance_decisions_registration_trgm_idx" ON "governance_decisions" USING gin ("registration_number" gin_trgm_ops);
