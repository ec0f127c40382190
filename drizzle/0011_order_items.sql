CREATE TABLE "supervision_order_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"key" text,
	"assignment_id" integer NOT NULL,
	"due_date_id" integer,
	"period" text NOT NULL,
	"due_on" date NOT NULL,
	"days_overdue" integer NOT NULL,
	"dropped_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_order_items_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "supervision_order_items" ADD CONSTRAINT "supervision_order_items_order_id_supervision_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."supervision_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_order_items" ADD CONSTRAINT "supervision_order_items_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_order_items" ADD CONSTRAINT "supervision_order_items_due_date_id_assignment_due_dates_id_fk" FOREIGN KEY ("due_date_id") REFERENCES "public"."assignment_due_dates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_order_items_order_idx" ON "supervision_order_items" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "supervision_order_items_assignment_idx" ON "supervision_order_items" USING btree ("assignment_id");--> statement-breakpoint
-- every order so far held one period: it becomes the order's one item, with the order's claim key
INSERT INTO "supervision_order_items" ("order_id", "key", "assignment_id", "due_date_id", "period", "due_on", "days_overdue", "created_at")
SELECT "id", "key", "assignment_id", "due_date_id", "period", "due_on", "days_overdue", "created_at" FROM "supervision_orders";--> statement-breakpoint
-- a unit's open drafts of one plan and level become one: the oldest takes the items of the others, which go (never
-- issued, they were the office's working papers; the audit log keeps their history)
WITH "keep" AS (
	SELECT min("id") AS "id", "unit_id", "plan_id", "level" FROM "supervision_orders"
	WHERE "status" = 'draft' GROUP BY "unit_id", "plan_id", "level"
)
UPDATE "supervision_order_items" AS i SET "order_id" = "keep"."id"
FROM "supervision_orders" AS o, "keep"
WHERE i."order_id" = o."id" AND o."status" = 'draft' AND o."unit_id" = "keep"."unit_id"
	AND o."plan_id" = "keep"."plan_id" AND o."level" = "keep"."level" AND o."id" <> "keep"."id";--> statement-breakpoint
DELETE FROM "supervision_orders"
WHERE "status" = 'draft' AND NOT EXISTS (SELECT 1 FROM "supervision_order_items" AS i WHERE i."order_id" = "supervision_orders"."id");--> statement-breakpoint
ALTER TABLE "supervision_orders" DROP CONSTRAINT "supervision_orders_key_unique";--> statement-breakpoint
ALTER TABLE "supervision_orders" DROP CONSTRAINT "supervision_orders_assignment_id_assignments_id_fk";--> statement-breakpoint
ALTER TABLE "supervision_orders" DROP CONSTRAINT "supervision_orders_due_date_id_assignment_due_dates_id_fk";--> statement-breakpoint
DROP INDEX "supervision_orders_assignment_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_orders_open_draft_key" ON "supervision_orders" USING btree ("unit_id","plan_id","level") WHERE status = 'draft';--> statement-breakpoint
ALTER TABLE "supervision_orders" DROP COLUMN "key";--> statement-breakpoint
ALTER TABLE "supervision_orders" DROP COLUMN "assignment_id";--> statement-breakpoint
ALTER TABLE "supervision_orders" DROP COLUMN "due_date_id";--> statement-breakpoint
ALTER TABLE "supervision_orders" DROP COLUMN "period";--> statement-breakpoint
ALTER TABLE "supervision_orders" DROP COLUMN "due_on";--> statement-breakpoint
ALTER TABLE "supervision_orders" DROP COLUMN "days_overdue";
