CREATE TABLE "order_list_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"list_id" text NOT NULL,
	"position" integer NOT NULL,
	"sku_id" text NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"owner_user_id" text,
	"owner_label" text NOT NULL,
	"name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reorder_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"cart_id" text NOT NULL,
	"source_type" text NOT NULL,
	"source_ids" text[] NOT NULL,
	"entered_by_type" text NOT NULL,
	"entered_by_id" text,
	"entered_by_label" text NOT NULL,
	"lines_added" integer NOT NULL,
	"differences" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "order_list_lines_list_idx" ON "order_list_lines" USING btree ("list_id","position");--> statement-breakpoint
CREATE INDEX "order_lists_customer_idx" ON "order_lists" USING btree ("customer_id","updated_at");--> statement-breakpoint
CREATE INDEX "reorder_runs_customer_idx" ON "reorder_runs" USING btree ("customer_id","created_at");