CREATE TABLE "desk_knowledge_feedback" (
	"tenant_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"helpful" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_knowledge_feedback_tenant_id_article_id_person_id_pk" PRIMARY KEY("tenant_id","article_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "desk_knowledge_articles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("title"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"workaround" text,
	"system_id" uuid,
	"category" text,
	"problem_ticket_id" uuid,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text NOT NULL,
	"author_id" uuid,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	"helpful_count" integer DEFAULT 0 NOT NULL,
	"not_helpful_count" integer DEFAULT 0 NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_knowledge_articles_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "desk_knowledge_feedback" ADD CONSTRAINT "desk_knowledge_feedback_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_knowledge_feedback" ADD CONSTRAINT "desk_knowledge_feedback_tenant_id_article_id_desk_knowledge_articles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","article_id") REFERENCES "public"."desk_knowledge_articles"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_knowledge_feedback" ADD CONSTRAINT "desk_knowledge_feedback_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_knowledge_articles" ADD CONSTRAINT "desk_knowledge_articles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_knowledge_articles" ADD CONSTRAINT "desk_knowledge_articles_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_knowledge_articles" ADD CONSTRAINT "desk_knowledge_articles_tenant_id_problem_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","problem_ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_knowledge_articles" ADD CONSTRAINT "desk_knowledge_articles_tenant_id_author_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_knowledge_articles" ADD CONSTRAINT "desk_knowledge_articles_tenant_id_published_by_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","published_by_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_knowledge_title_idx" ON "desk_knowledge_articles" USING btree ("tenant_id","state","sort_name","id");--> statement-breakpoint
CREATE INDEX "desk_knowledge_updated_idx" ON "desk_knowledge_articles" USING btree ("tenant_id","state","updated_at","id");--> statement-breakpoint
CREATE INDEX "desk_knowledge_helpful_idx" ON "desk_knowledge_articles" USING btree ("tenant_id","state","helpful_count","id");--> statement-breakpoint
CREATE INDEX "desk_knowledge_system_idx" ON "desk_knowledge_articles" USING btree ("tenant_id","system_id") WHERE system_id is not null;--> statement-breakpoint
CREATE INDEX "desk_knowledge_search_idx" ON "desk_knowledge_articles" USING gin ("search_vector") WITH (fastupdate=false);