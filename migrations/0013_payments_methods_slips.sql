CREATE TABLE "payment_method_settings" (
	"method" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"currencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"tiers" text[] DEFAULT '{}'::text[] NOT NULL,
	"instructions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bank_details" jsonb,
	"cod_fees" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cod_max" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "slip_file_id" text;