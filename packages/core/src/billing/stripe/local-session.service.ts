import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ServiceError } from "../../shared/errors.js";
import { purposeKey } from "../../shared/purpose-key.service.js";

/**
 * A local checkout session is self-contained: its id carries the account,
 * amount, currency and expiry, signed with the local-checkout key derived from SESSION_SECRET, so
 * no table or Redis key is needed and a tampered or expired id is refused.
 * The id is also the credit's idempotency key, so confirming twice credits once.
 */
export const LOCAL_SESSION_PREFIX = "cs_local_";
export const LOCAL_SESSION_TTL_SECONDS = 60 * 60;

export interface LocalSession {
  accountId: string;
  amountCents: number;
  currency: string;
  expiresAt: Date;
}

interface Payload {
  a: string;
  c: number;
  u: string;
  e: number;
  n: string;
}

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(`atrium-local-checkout:${body}`).digest("base64url");

/**
 * With an idempotency key the nonce is derived from it (and the account and amount), so a resent
 * request yields a session with the same nonce; the credit is keyed by the nonce (localCreditId),
 * so however many such sessions are paid, the reserve is credited once.
 */
export function signLocalSession(sessionSecret: string, s: Omit<LocalSession, "expiresAt">, now: Date, idempotencyKey?: string): { sessionId: string; expiresAt: Date } {
  const e = Math.floor(now.getTime() / 1000) + LOCAL_SESSION_TTL_SECONDS;
  const key = purposeKey(sessionSecret, "localCheckout");
  const n = idempotencyKey
    ? createHmac("sha256", key).update(`atrium-local-topup:${s.accountId}:${s.amountCents}:${idempotencyKey}`).digest("base64url").slice(0, 12)
    : randomBytes(9).toString("base64url");
  const payload: Payload = { a: s.accountId, c: s.amountCents, u: s.currency, e, n };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return { sessionId: `${LOCAL_SESSION_PREFIX}${body}.${mac(key, body)}`, expiresAt: new Date(e * 1000) };
}

/** What a local session's credit is keyed by: its nonce (the session id itself when it has none). */
export function localCreditId(sessionId: string): string {
  try {
    const body = sessionId.slice(LOCAL_SESSION_PREFIX.length).split(".")[0] ?? "";
    const { n } = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<Payload>;
    return typeof n === "string" && n ? `${LOCAL_SESSION_PREFIX}${n}` : sessionId;
  } catch {
    return sessionId;
  }
}

const invalid = () => new ServiceError("BAD_REQUEST", "This checkout link is not valid");

export function verifyLocalSession(sessionSecret: string, sessionId: string, now: Date): LocalSession {
  if (!sessionId.startsWith(LOCAL_SESSION_PREFIX) || sessionId.length > 1000) throw invalid();
  const [body, sig, ...rest] = sessionId.slice(LOCAL_SESSION_PREFIX.length).split(".");
  if (!body || !sig || rest.length) throw invalid();
  const expected = Buffer.from(mac(purposeKey(sessionSecret, "localCheckout"), body));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let p: Payload;
  try {
    p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Payload;
  } catch {
    throw invalid();
  }
  if (p.e * 1000 <= now.getTime()) throw new ServiceError("BAD_REQUEST", "This checkout session has expired; start a new top-up");
  return { accountId: p.a, amountCents: p.c, currency: p.u, expiresAt: new Date(p.e * 1000) };
}
