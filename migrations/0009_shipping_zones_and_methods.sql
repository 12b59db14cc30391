CREATE TABLE "shipping_methods" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"carrier" text NOT NULL,
	"mode" text NOT NULL,
	"currency" text NOT NULL,
	"dim_factor" integer NOT NULL,
	"processing_days" integer NOT NULL,
	"customer_tiers" jsonb,
	"rates" jsonb NOT NULL,
	"active" boolean NOT NULL,
	"sort_order" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "shipping_methods_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "shipping_zones" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "shipping_zones_code_unique" UNIQUE("code")
);
