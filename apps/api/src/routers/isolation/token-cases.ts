// Procedures that take an email or a token: ids of a kind the id walk can't make up, so each gets its own story.
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { unsubscribeToken } from "@atrium/core";
import { schema } from "@atrium/db";
import { callerFor } from "../../testing.js";
import { callPath, describe as show, sameAnswer } from "./outcome.js";
import type { CallerSpec, World } from "./world.js";

export interface TokenProbe {
  world: World;
  caller: CallerSpec;
  /** The token of a new pending invitation of tenant B, to `email` (by default someone else's; accepting uses one up). */
  newBInvitation: (email?: string) => Promise<string>;
}
export interface TokenCase {
  why: string;
  probe: (p: TokenProbe) => Promise<string | null>;
}

export const takesEmailOrToken = (key: string) => /email|token|invitekey/i.test(key);
const STRONG = "correct horse battery staple";
const nobody = () => `nobody-${randomUUID()}@example.test`;

async function inAccount(p: TokenProbe, userId: string, accountId: string): Promise<boolean> {
  const rows = await p.world.api.svc.db
    .select({ id: schema.accountMembers.id })
    .from(schema.accountMembers)
    .where(and(eq(schema.accountMembers.accountId, accountId), eq(schema.accountMembers.userId, userId)));
  const orgRows = await p.world.api.svc.db
    .select({ id: schema.memberships.id })
    .from(schema.memberships)
    .where(and(eq(schema.memberships.accountId, accountId), eq(schema.memberships.userId, userId)));
  return rows.length + orgRows.length > 0;
}

/** Two calls that differ only in a known vs an unknown email (or token) must answer alike, and not succeed where noted. */
async function alike(p: TokenProbe, path: string, known: unknown, unknown: unknown, { mayPass = false } = {}) {
  const [a, b] = await Promise.all([callPath(p.caller.call, path, known), callPath(p.caller.call, path, unknown)]);
  if (!sameAnswer(a, b)) return `${show(path, known, a)}; unknown answers ${b.code}: ${b.message}`;
  return !mayPass && a.code === "success" ? show(path, known, a) : null;
}

export const TOKEN_CASES: Record<string, TokenCase> = {
  "invitations.create": {
    why: "inviting another tenant's user by email must not put them in my organization without their consent",
    probe: async (p) => {
      const victim = p.world.b.owner.user;
      const input = { id: p.world.a.ids.organization, email: victim.email, role: "member" };
      const o = await callPath(p.caller.call, "invitations.create", input);
      return (await inAccount(p, victim.id, p.world.a.ids.account)) ? `${show("invitations.create", input, o)}: ${victim.username} joined tenant A without accepting` : null;
    },
  },
  "invitations.accept": {
    why: "an invitation is for the confirmed address it was sent to: someone else's token, or one to my unconfirmed address, must not let me into tenant B",
    probe: async (p) => {
      const tries = [{ token: await p.newBInvitation() }];
      // A squatter: tenant B invites the caller's own address, which they never confirmed.
      if (!p.caller.verified) tries.push({ token: await p.newBInvitation(p.caller.user.email) });
      for (const input of tries) {
        const o = await callPath(p.caller.call, "invitations.accept", input);
        if (o.code === "success" || (await inAccount(p, p.caller.user.id, p.world.b.ids.account))) return `${show("invitations.accept", input, o)}: ${p.caller.user.username} joined tenant B`;
      }
      return null;
    },
  },
  "invitations.decline": {
    why: "declining someone else's invitation (by its link token) must not cancel it for them",
    probe: async (p) => {
      const input = { token: await p.newBInvitation() };
      const o = await callPath(p.caller.call, "invitations.decline", input);
      return o.code === "success" ? show("invitations.decline", input, o) : null;
    },
  },
  "email.verify": {
    why: "a made-up confirmation token confirms nothing",
    probe: (p) => alike(p, "email.verify", { token: randomBytes(20).toString("hex") }, { token: randomBytes(20).toString("hex") }),
  },
  "email.change": {
    why: "moving to another tenant's address answers like an unknown address (and needs the password)",
    probe: (p) => alike(p, "email.change", { currentPassword: "not my password", email: p.world.b.owner.user.email }, { currentPassword: "not my password", email: nobody() }),
  },
  "invitations.get": {
    why: "public preview by token: the token is the credential, guessing one finds nothing",
    probe: async (p) => {
      const input = { token: randomBytes(20).toString("hex") };
      const o = await callPath(p.caller.call, "invitations.get", input);
      return o.code === "NOT_FOUND" ? null : show("invitations.get", input, o);
    },
  },
  "passwords.requestReset": {
    why: "the same answer for another tenant's address as for an unknown one",
    probe: (p) => alike(p, "passwords.requestReset", { email: p.world.b.owner.user.email }, { email: nobody() }, { mayPass: true }),
  },
  "passwords.confirmReset": {
    why: "a made-up reset token resets nothing",
    probe: (p) => alike(p, "passwords.confirmReset", { token: randomBytes(20).toString("hex"), newPassword: STRONG }, { token: randomBytes(20).toString("hex"), newPassword: STRONG }),
  },
  "auth.signup": {
    why: "signing up with another tenant's invitation under a different address must not join tenant B; a taken address answers like a bad key",
    probe: async (p) => {
      const badKey = (email: string) => ({ username: `x${randomUUID().slice(0, 8)}`, email, password: STRONG, inviteKey: "not-a-key" });
      const probing = await alike(p, "auth.signup", badKey(p.world.b.owner.user.email), badKey(nobody()));
      if (probing) return probing;
      const username = `intruder-${randomUUID().slice(0, 8)}`;
      const input = { username, email: `${username}@example.test`, password: STRONG, invitationToken: await p.newBInvitation() };
      const o = await callPath(callerFor(p.world.api), "auth.signup", input);
      const joined = o.code === "success" && (await inAccount(p, (o.data as { user: { id: string } }).user.id, p.world.b.ids.account));
      return joined ? `${show("auth.signup", input, o)}: joined tenant B with an invitation sent to someone else` : null;
    },
  },
  "notifications.unsubscribe": {
    why: "an unsubscribe link is signed for one user: one minted without the server's key turns nothing off for tenant B's owner",
    probe: async (p) => {
      const victim = p.world.b.owner.user;
      const forged = { token: unsubscribeToken(randomBytes(32).toString("hex"), victim.id, "message.new") };
      const probing = await alike(p, "notifications.unsubscribe", forged, { token: randomBytes(20).toString("hex") });
      if (probing) return probing;
      const [pref] = await p.world.api.svc.db
        .select({ channel: schema.notificationPreferences.channel })
        .from(schema.notificationPreferences)
        .where(and(eq(schema.notificationPreferences.userId, victim.id), eq(schema.notificationPreferences.kind, "message.new")));
      return pref?.channel === "off" ? `${show("notifications.unsubscribe", forged, { code: "success", message: "" })}: ${victim.username}'s message emails were turned off` : null;
    },
  },
};
