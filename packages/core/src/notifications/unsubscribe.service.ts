import { createHmac, timingSafeEqual } from "node:crypto";
import type { ServiceContext } from "../shared/context.js";
import { recordAudit } from "../audit/audit.service.js";
import { appUrl } from "../email/email-in-tx.service.js";
import { ServiceError } from "../shared/errors.js";
import { purposeKey } from "../shared/purpose-key.service.js";
import { ZNotificationKind, type TNotificationKind } from "./notification.schema.js";
import * as repo from "./notification.repository.js";

/**
 * One-click unsubscribe without signing in: the link carries the user and the
 * kind, signed with the unsubscribe key derived from SESSION_SECRET, so it can
 * only ever turn that one kind off for that one user. It doesn't expire (an old
 * email's link must keep working) and it can't be turned into anything else.
 */
const mac = (secret: string, body: string) => createHmac("sha256", purposeKey(secret, "unsubscribe")).update(`atrium-unsubscribe:${body}`).digest("base64url");

export function unsubscribeToken(secret: string, userId: string, kind: TNotificationKind): string {
  const body = Buffer.from(JSON.stringify({ u: userId, k: kind })).toString("base64url");
  return `${body}.${mac(secret, body)}`;
}

/** The SPA page that asks for one click (a mail scanner's GET must not unsubscribe anyone). */
export const unsubscribeUrl = (ctx: ServiceContext, userId: string, kind: TNotificationKind) =>
  appUrl(ctx, `/unsubscribe?token=${encodeURIComponent(unsubscribeToken(ctx.config.SESSION_SECRET, userId, kind))}`);

const invalid = () => new ServiceError("BAD_REQUEST", "This unsubscribe link is not valid", { token: ["This unsubscribe link is not valid"] });

function verify(secret: string, token: string): { userId: string; kind: TNotificationKind } {
  const [body, sig, ...rest] = token.split(".");
  if (!body || !sig || rest.length) throw invalid();
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  try {
    const p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { u?: unknown; k?: unknown };
    const kind = ZNotificationKind.parse(p.k);
    if (typeof p.u !== "string") throw invalid();
    return { userId: p.u, kind };
  } catch {
    throw invalid();
  }
}

/** Turns the link's kind off for the link's user, and audits it as theirs. */
export async function unsubscribe(ctx: ServiceContext, token: string): Promise<{ kind: TNotificationKind; channel: "off" }> {
  const { userId, kind } = verify(ctx.config.SESSION_SECRET, token);
  const user = await repo.findRecipient(ctx.db, userId);
  if (!user) throw invalid();
  await repo.upsertPreference(ctx.db, userId, kind, "off");
  await recordAudit(ctx.db, {
    eventType: "notification.preferences_updated",
    actor: { id: userId, username: user.username },
    target: { type: "user", id: userId },
    details: { preferences: [{ kind, channel: "off" }], via: "unsubscribe_link" },
  });
  return { kind, channel: "off" };
}
