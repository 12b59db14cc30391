CREATE TABLE "channel_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"external_id" text NOT NULL,
	"order_id" text,
	"status" text NOT NULL,
	"external_updated_at" timestamp with time zone NOT NULL,
	"unified" jsonb NOT NULL,
	"unmapped" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flags" text[] NOT NULL,
	"versions" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_poll_cursors" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"watermark" timestamp with time zone,
	"window_end" timestamp with time zone,
	"next_token" text,
	"last_polled_at" timestamp with time zone,
	"last_error" text,
	"not_before" timestamp with time zone,
	"access_token_enc" text,
	"access_token_expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "channel_sku_mappings" (
	"channel_id" text NOT NULL,
	"kind" text NOT NULL,
	"external_ref" text NOT NULL,
	"sku" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "channel_sku_mappings_channel_id_kind_external_ref_pk" PRIMARY KEY("channel_id","kind","external_ref")
);
--> statement-breakpoint
CREATE TABLE "channel_webhook_receipts" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"delivery_id" text NOT NULL,
	"event_id" text,
	"topic" text NOT NULL,
	"body" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"base_url" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"credentials_enc" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchasing_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"sku" text NOT NULL,
	"quantity_short" integer NOT NULL,
	"available" integer NOT NULL,
	"ordered" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"outcome" text NOT NULL,
	"rule_id" text,
	"rule_position" integer,
	"explanations" jsonb NOT NULL,
	"tags" text[] NOT NULL,
	"assignee" jsonb,
	"second_approval" boolean DEFAULT false NOT NULL,
	"facts" jsonb NOT NULL,
	"trigger" text NOT NULL,
	"decided_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"match" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"event_id" text NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"description" text,
	"secret_enc" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "channel_orders_external_uq" ON "channel_orders" USING btree ("channel_id","external_id");--> statement-breakpoint
CREATE INDEX "channel_orders_order_idx" ON "channel_orders" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_webhook_receipts_uq" ON "channel_webhook_receipts" USING btree ("channel_id","delivery_id");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_name_uq" ON "channels" USING btree ("name");--> statement-breakpoint
CREATE INDEX "purchasing_tasks_status_idx" ON "purchasing_tasks" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "purchasing_tasks_order_idx" ON "purchasing_tasks" USING btree ("order_id","sku");--> statement-breakpoint
CREATE INDEX "review_decisions_order_idx" ON "review_decisions" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "review_rules_position_idx" ON "review_rules" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_sub_uq" ON "webhook_deliveries" USING btree ("event_id","subscription_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_sub_idx" ON "webhook_deliveries" USING btree ("subscription_id","created_at");