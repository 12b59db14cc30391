CREATE SEQUENCE "public"."order_number_alibaba_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_amazon_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_erp_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_shopify_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE INDEX "orders_customer_email_idx" ON "orders" USING btree (lower("customer_email"));--> statement-breakpoint
-- Continue where the per-channel counter row left off (databases that imported before the sequences).
SELECT setval('order_number_alibaba_seq', GREATEST(10001, COALESCE((SELECT next_value FROM order_number_sequences WHERE channel = 'alibaba'), 10001)), false);--> statement-breakpoint
SELECT setval('order_number_amazon_seq', GREATEST(10001, COALESCE((SELECT next_value FROM order_number_sequences WHERE channel = 'amazon'), 10001)), false);--> statement-breakpoint
SELECT setval('order_number_erp_seq', GREATEST(10001, COALESCE((SELECT next_value FROM order_number_sequences WHERE channel = 'erp'), 10001)), false);--> statement-breakpoint
SELECT setval('order_number_shopify_seq', GREATEST(10001, COALESCE((SELECT next_value FROM order_number_sequences WHERE channel = 'shopify'), 10001)), false);
