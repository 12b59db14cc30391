CREATE TABLE "price_list_entries" (
	"variant_id" text NOT NULL,
	"list_id" text NOT NULL,
	"min_qty" integer NOT NULL,
	"unit_amount" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "price_list_entries_variant_id_list_id_min_qty_pk" PRIMARY KEY("variant_id","list_id","min_qty")
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"tier_code" text,
	"customer_id" text,
	"currency" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"priority" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_tiers" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pricing_currency_rules" (
	"currency" text PRIMARY KEY NOT NULL,
	"buffer_percent" numeric(6, 3) NOT NULL,
	"round_increment" integer DEFAULT 1 NOT NULL,
	"round_direction" text DEFAULT 'nearest' NOT NULL,
	"round_ending" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "price_list_entries_list_idx" ON "price_list_entries" USING btree ("list_id","variant_id");--> statement-breakpoint
CREATE INDEX "price_lists_kind_idx" ON "price_lists" USING btree ("kind","tier_code");--> statement-breakpoint
CREATE INDEX "price_lists_customer_idx" ON "price_lists" USING btree ("customer_id");