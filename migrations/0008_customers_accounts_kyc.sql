CREATE TABLE "customer_addresses" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"name" text NOT NULL,
	"company" text,
	"line1" text NOT NULL,
	"line2" text,
	"city" text NOT NULL,
	"region" text,
	"postcode" text,
	"country" text NOT NULL,
	"phone" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_users" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text,
	"email_verified_at" timestamp with time zone,
	"totp_secret_enc" text,
	"totp_pending_secret_enc" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"company_name" text,
	"country" text,
	"tier" text,
	"payment_terms_days" integer,
	"credit_limit_minor" bigint,
	"credit_currency" text,
	"vat_id" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kyc_applications" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"status" text NOT NULL,
	"legal_name" text NOT NULL,
	"country" text NOT NULL,
	"address" jsonb NOT NULL,
	"vat_id" text,
	"vat_check" jsonb,
	"contact" jsonb NOT NULL,
	"expected_volume_minor" bigint NOT NULL,
	"volume_currency" text NOT NULL,
	"proposed_tier" text,
	"licence_file_id" text NOT NULL,
	"tax_reg_file_id" text NOT NULL,
	"locale" text NOT NULL,
	"info_request" text,
	"info_response" text,
	"decision_reason" text,
	"decided_by" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kyc_events" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customs_country_rules" (
	"country" text PRIMARY KEY NOT NULL,
	"duty_basis" text NOT NULL,
	"import_tax_basis" text NOT NULL,
	"duty_de_minimis" bigint,
	"tax_de_minimis" bigint,
	"currency" text NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customs_duty_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"hs_prefix" text NOT NULL,
	"rate" text NOT NULL,
	"effective_from" date,
	"effective_to" date,
	"note" text,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customs_duty_rates_key" UNIQUE NULLS NOT DISTINCT("country","hs_prefix","effective_from")
);
--> statement-breakpoint
CREATE INDEX "customer_addresses_customer_idx" ON "customer_addresses" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_tokens_hash_uq" ON "customer_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_users_email_uq" ON "customer_users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "customer_users_customer_idx" ON "customer_users" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customers_tier_idx" ON "customers" USING btree ("tier");--> statement-breakpoint
CREATE INDEX "kyc_applications_status_idx" ON "kyc_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "kyc_applications_customer_idx" ON "kyc_applications" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "kyc_events_app_idx" ON "kyc_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "customs_duty_rates_country" ON "customs_duty_rates" USING btree ("country");