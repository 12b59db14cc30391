CREATE TABLE "payment_freeze_overrides" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"until" timestamp with time zone,
	"by_id" text,
	"by_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"outstanding" bigint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_invoices_order_uq" ON "payment_invoices" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_invoices_number_uq" ON "payment_invoices" USING btree ("number");--> statement-breakpoint
CREATE INDEX "payment_invoices_customer_idx" ON "payment_invoices" USING btree ("customer_id","due_at");