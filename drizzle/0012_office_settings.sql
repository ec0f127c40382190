CREATE TABLE "office_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"office_name" text,
	"contact_name" text,
	"contact_phone" text,
	"templates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "office_settings" ADD CONSTRAINT "office_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
