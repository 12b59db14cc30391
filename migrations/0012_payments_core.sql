CREATE TABLE "payment_customer_credits" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"kind" text NOT NULL,
	"order_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_accounts" (
	"order_id" text PRIMARY KEY NOT NULL,
	"customer_id" text,
	"currency" text NOT NULL,
	"total" bigint NOT NULL,
	"deposit_required" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'unpaid' NOT NULL,
	"flagged_reason" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_provider_events" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"object_id" text,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_provider_events_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"state" text NOT NULL,
	"via" text NOT NULL,
	"provider_ref" text,
	"reason" text NOT NULL,
	"return_id" text,
	"created_by_id" text,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text,
	"method" text NOT NULL,
	"provider_ref" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"state" text NOT NULL,
	"value_date" date,
	"problem" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_by_type" text NOT NULL,
	"recorded_by_id" text,
	"recorded_by_label" text NOT NULL,
	"confirmed_by_id" text,
	"confirmed_by_label" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "payment_credits_customer_idx" ON "payment_customer_credits" USING btree ("customer_id","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_credits_overpayment_uq" ON "payment_customer_credits" USING btree ("order_id","kind");--> statement-breakpoint
CREATE INDEX "payment_refunds_order_idx" ON "payment_refunds" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_refunds_provider_uq" ON "payment_refunds" USING btree ("provider_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_method_ref_uq" ON "payments" USING btree ("method","provider_ref");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payments_state_idx" ON "payments" USING btree ("state","created_at");