CREATE TABLE "cart_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"cart_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carts" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text,
	"customer_id" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"locale" text NOT NULL,
	"email" text,
	"ship_to" jsonb,
	"bill_to" jsonb,
	"vat_number" text,
	"shipping_method_id" text,
	"incoterm" text,
	"payment_method" text DEFAULT 'manual' NOT NULL,
	"po_number" text,
	"note" text,
	"order_id" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fx_currencies" (
	"code" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"is_base" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fx_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"origin" text NOT NULL,
	"days" integer NOT NULL,
	"first_date" date,
	"last_date" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fx_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric(24, 10) NOT NULL,
	"reason" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"rate_date" date NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric(24, 10) NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fx_rates_rate_date_currency_pk" PRIMARY KEY("rate_date","currency")
);
--> statement-breakpoint
CREATE TABLE "inventory_backorder_policies" (
	"product_id" text PRIMARY KEY NOT NULL,
	"policy" text NOT NULL,
	"lead_time_days" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_ledger" (
	"id" text PRIMARY KEY NOT NULL,
	"sku_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"kind" text NOT NULL,
	"delta_on_hand" integer NOT NULL,
	"delta_reserved" integer NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"ref_type" text,
	"ref_id" text,
	"reason" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	CONSTRAINT "inventory_reservations_qty_pos" CHECK ("inventory_reservations"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_stock" (
	"sku_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"sku" text NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_stock_sku_id_warehouse_id_pk" PRIMARY KEY("sku_id","warehouse_id"),
	CONSTRAINT "inventory_stock_on_hand_nonneg" CHECK ("inventory_stock"."on_hand" >= 0),
	CONSTRAINT "inventory_stock_reserved_nonneg" CHECK ("inventory_stock"."reserved" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_warehouses" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"country_code" text NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"message" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"sku_id" text,
	"sku" text NOT NULL,
	"product_id" text,
	"external_sku" text,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" bigint NOT NULL,
	"discount" bigint DEFAULT 0 NOT NULL,
	"line_total" bigint NOT NULL,
	"tax_amount" bigint DEFAULT 0 NOT NULL,
	"tax_rate" text,
	"duty_amount" bigint DEFAULT 0 NOT NULL,
	"hs_code" text,
	"weight_grams" integer,
	"backordered_quantity" integer DEFAULT 0 NOT NULL,
	"lead_time_days" integer,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "order_number_sequences" (
	"channel" text PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL,
	"next_value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"channel" text NOT NULL,
	"external_id" text,
	"external_updated_at" timestamp with time zone,
	"status" text NOT NULL,
	"payment_status" text DEFAULT 'unpaid' NOT NULL,
	"fulfilment_status" text DEFAULT 'unfulfilled' NOT NULL,
	"customer_id" text,
	"customer_email" text,
	"customer_name" text,
	"company_name" text,
	"locale" text NOT NULL,
	"currency" text NOT NULL,
	"items_total" bigint NOT NULL,
	"discount_total" bigint DEFAULT 0 NOT NULL,
	"shipping_total" bigint NOT NULL,
	"tax_total" bigint NOT NULL,
	"duty_total" bigint NOT NULL,
	"grand_total" bigint NOT NULL,
	"base_currency" text NOT NULL,
	"grand_total_base" bigint NOT NULL,
	"totals" jsonb NOT NULL,
	"fx" jsonb,
	"incoterm" text,
	"ship_to" jsonb,
	"bill_to" jsonb,
	"ship_country" text,
	"vat_number" text,
	"shipping" jsonb,
	"payment_method" text NOT NULL,
	"payment_due_at" timestamp with time zone,
	"reported_totals" jsonb,
	"totals_mismatch" boolean DEFAULT false NOT NULL,
	"cart_id" text,
	"po_number" text,
	"note" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"placed_by_type" text NOT NULL,
	"placed_by_id" text,
	"placed_by_label" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cart_lines_sku_uq" ON "cart_lines" USING btree ("cart_id","sku_id","note");--> statement-breakpoint
CREATE INDEX "cart_lines_cart_idx" ON "cart_lines" USING btree ("cart_id");--> statement-breakpoint
CREATE UNIQUE INDEX "carts_token_uq" ON "carts" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "carts_customer_open_uq" ON "carts" USING btree ("customer_id") WHERE "carts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "carts_updated_idx" ON "carts" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "fx_overrides_currency_idx" ON "fx_overrides" USING btree ("currency","expires_at");--> statement-breakpoint
CREATE INDEX "fx_rates_currency_date_idx" ON "fx_rates" USING btree ("currency","rate_date");--> statement-breakpoint
CREATE INDEX "inventory_ledger_sku_at_idx" ON "inventory_ledger" USING btree ("sku_id","at");--> statement-breakpoint
CREATE INDEX "inventory_ledger_ref_idx" ON "inventory_ledger" USING btree ("ref_type","ref_id");--> statement-breakpoint
CREATE INDEX "inventory_reservations_order_idx" ON "inventory_reservations" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "inventory_reservations_active_sku_idx" ON "inventory_reservations" USING btree ("sku_id","warehouse_id") WHERE "inventory_reservations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "inventory_stock_sku_idx" ON "inventory_stock" USING btree ("sku");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_warehouses_code_uq" ON "inventory_warehouses" USING btree ("code");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_order_line_uq" ON "order_lines" USING btree ("order_id","line_no");--> statement-breakpoint
CREATE INDEX "order_lines_sku_idx" ON "order_lines" USING btree ("sku_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_uq" ON "orders" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_channel_external_uq" ON "orders" USING btree ("channel","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_cart_uq" ON "orders" USING btree ("cart_id");--> statement-breakpoint
CREATE INDEX "orders_placed_idx" ON "orders" USING btree ("placed_at","id");--> statement-breakpoint
CREATE INDEX "orders_status_placed_idx" ON "orders" USING btree ("status","placed_at");--> statement-breakpoint
CREATE INDEX "orders_payment_status_idx" ON "orders" USING btree ("payment_status","placed_at");--> statement-breakpoint
CREATE INDEX "orders_customer_placed_idx" ON "orders" USING btree ("customer_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_channel_placed_idx" ON "orders" USING btree ("channel","placed_at");--> statement-breakpoint
CREATE INDEX "orders_ship_country_idx" ON "orders" USING btree ("ship_country","placed_at");--> statement-breakpoint
CREATE INDEX "orders_payment_due_idx" ON "orders" USING btree ("payment_due_at") WHERE "orders"."payment_due_at" IS NOT NULL;