-- Recruiting's notification kinds (core's NOTIFICATION_KINDS): every existing user gets their defaults as explicit rows,
-- like 0009 did for the first kinds (new users get them at creation). Data only, no schema change.
INSERT INTO "notification_preferences" ("user_id", "kind", "channel")
SELECT u."id", d."kind", d."channel"::"notification_channel"
FROM "users" u
CROSS JOIN (VALUES ('application.received', 'email'), ('application.status', 'in_app'), ('application.message', 'in_app'), ('interview.scheduled', 'in_app'), ('interview.confirmed', 'email')) AS d("kind", "channel")
ON CONFLICT DO NOTHING;
