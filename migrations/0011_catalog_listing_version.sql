CREATE TABLE "catalog_state" (
	"key" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
