ALTER TABLE "assignments" ADD COLUMN "assigned_on" date;--> statement-breakpoint
UPDATE "assignments" SET "assigned_on" = (("created_at" AT TIME ZONE 'UTC') + interval '8 hours')::date;--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "assigned_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "not_applicable" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "assigned_on" date;--> statement-breakpoint
UPDATE "plans" SET "assigned_on" = (("published_at" AT TIME ZONE 'UTC') + interval '8 hours')::date WHERE "published_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "past_periods" text DEFAULT 'not_applicable' NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "catch_up_days" integer DEFAULT 15 NOT NULL;
