ALTER TABLE "bulk_uploads" ADD COLUMN IF NOT EXISTS "preview" jsonb;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD COLUMN IF NOT EXISTS "duplicate_of" text;
