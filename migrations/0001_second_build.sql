CREATE SEQUENCE "public"."order_number_alibaba_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_amazon_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_erp_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_shopify_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE TABLE "bulk_shipments" (
	"id" text PRIMARY KEY NOT NULL,
	"upload_id" text NOT NULL,
	"group_key" text NOT NULL,
	"label" text NOT NULL,
	"ship_to" jsonb NOT NULL,
	"row_nos" jsonb NOT NULL,
	"status" text NOT NULL,
	"order_id" text,
	"order_number" text,
	"error" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulk_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"source" text NOT NULL,
	"filename" text,
	"file_hash" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"locale" text NOT NULL,
	"rows" jsonb NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preview" jsonb,
	"duplicate_of" text,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"buyer_user_id" text,
	"entered_by_type" text NOT NULL,
	"entered_by_id" text,
	"entered_by_label" text NOT NULL,
	"accept_backorders" boolean DEFAULT false NOT NULL,
	"error" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_approvals" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"amount" bigint,
	"currency" text,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"requested_by_id" text,
	"requested_by_label" text NOT NULL,
	"decided_by_id" text,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"result" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_customer_terms" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"deposit_percent" bigint,
	"net_days" bigint,
	"net_from" text,
	"credit_limit" bigint,
	"credit_currency" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_freeze_states" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"frozen" boolean NOT NULL,
	"overdue" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_letters_of_credit" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text,
	"lc_number" text NOT NULL,
	"issuing_bank" text NOT NULL,
	"advising_bank" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"expiry_date" date NOT NULL,
	"latest_shipment_date" date NOT NULL,
	"status" text NOT NULL,
	"documents" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
CREATE UNIQUE INDEX "bulk_shipments_group_uq" ON "bulk_shipments" USING btree ("upload_id","group_key");--> statement-breakpoint
CREATE INDEX "bulk_shipments_upload_idx" ON "bulk_shipments" USING btree ("upload_id","status");--> statement-breakpoint
CREATE INDEX "bulk_uploads_customer_idx" ON "bulk_uploads" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "bulk_uploads_hash_idx" ON "bulk_uploads" USING btree ("customer_id","file_hash");--> statement-breakpoint
CREATE INDEX "payment_approvals_status_idx" ON "payment_approvals" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lc_number_uq" ON "payment_letters_of_credit" USING btree ("lc_number");--> statement-breakpoint
CREATE INDEX "payment_lc_expiry_idx" ON "payment_letters_of_credit" USING btree ("status","expiry_date");--> statement-breakpoint
CREATE INDEX "order_list_lines_list_idx" ON "order_list_lines" USING btree ("list_id","position");--> statement-breakpoint
CREATE INDEX "order_lists_customer_idx" ON "order_lists" USING btree ("customer_id","updated_at");--> statement-breakpoint
CREATE INDEX "reorder_runs_customer_idx" ON "reorder_runs" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_customer_email_idx" ON "orders" USING btree (lower("customer_email"));--> statement-breakpoint
-- Continue where the per-channel counter row left off (databases that imported before the sequences).
SELECT setval('order_number_alibaba_seq', GREATEST(10001, COALESCE((SELECT next_value FROM order_number_sequences WHERE channel = 'alibaba'), 10001)), false);--> statement-breakpoint
SELECT setval('order_number_amazon_seq', GREATEST(10001, COALESCE((SELECT next_value FROM order_number_sequences WHERE channel = 'amazon'), 10001)), false);--> statement-breakpoint
SELECT setval('order_number_erp_seq', GREATEST(10001, COALESCE((SELECT next_value FROM order_number_sequences WHERE channel = 'erp'), 10001)), false);--> statement-breakpoint
SELECT setval('order_number_shopify_seq', GREATEST(10001, COALESCE((SELECT next_value FROM order_number_sequences WHERE channel = 'shopify'), 10001)), false);
