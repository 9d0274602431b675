CREATE TABLE "email_verification_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization_invitations" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_verification_tokens" ADD CONSTRAINT "email_verification_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_verification_tokens_user_idx" ON "email_verification_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "organization_invitations_email_idx" ON "organization_invitations" USING btree (lower("email"));--> statement-breakpoint
-- Existing users: staff (the bootstrap admin among them) were set up by the operator, so their
-- addresses count as verified; so do addresses that accepted an invitation mailed to them.
-- Everyone else verifies through the link the SPA offers to resend.
UPDATE "users" SET "email_verified_at" = now() WHERE "is_staff" AND "email_verified_at" IS NULL;--> statement-breakpoint
UPDATE "users" u SET "email_verified_at" = i."accepted_at" FROM "organization_invitations" i
  WHERE i."accepted_by_id" = u."id" AND lower(i."email") = lower(u."email") AND u."email_verified_at" IS NULL;
