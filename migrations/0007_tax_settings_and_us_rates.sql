CREATE TABLE "tax_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_us_state_rates" (
	"state" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"rate" text NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tax_us_state_rates_state_effective_from_pk" PRIMARY KEY("state","effective_from")
);
