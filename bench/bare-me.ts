import { createHash } from "node:crypto";
import express from "express";
import type { DbHandle } from "@atrium/db";

// The floor the full stack is measured against: express and pg running, for
// a session token, the one query `me` needs (packages/core/src/auth: the
// session joined to its user, the user's live account and their role in it), with no tRPC,
// OpenAPI, zod, drizzle, helmet, cors, request logging or session cache.
const SESSION_WITH_USER = `
  select s.id as s_id, s.user_id as s_user_id, s.expires_at as s_expires_at, s.remember_me as s_remember_me,
         s.ip_address as s_ip_address, s.user_agent as s_user_agent, s.created_at as s_created_at, u.*,
         a.id as a_id, a.name as a_name, a.slug as a_slug, a.created_at as a_created_at, m.role as m_role
  from sessions s inner join users u on s.user_id = u.id
  left join accounts a on a.id = u.account_id and a.deleted_at is null
  left join account_members m on m.account_id = a.id and m.user_id = u.id
  where s.id = $1 limit 1`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function bareMeApp(pool: DbHandle["pool"]): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/api/me/", async (req, res) => {
    const token = req.get("authorization")?.replace(/^Bearer /i, "");
    if (!token) return void res.status(401).json({ message: "Authentication required" });
    const id = createHash("sha256").update(token).digest("hex");
    const { rows } = await pool.query({ name: "bare_me", text: SESSION_WITH_USER, values: [id] });
    const u = rows[0];
    if (!u || u.s_expires_at.getTime() <= Date.now() || !u.is_active || u.deleted_at) {
      return void res.status(401).json({ message: "Authentication required" });
    }
    res.json({
      user: {
        id: u.id,
        username: u.username,
        email: u.email,
        displayName: u.display_name,
        isStaff: u.is_staff,
        isActive: u.is_active,
        accountId: u.account_id,
        lastLoginAt: iso(u.last_login_at),
        previousLoginAt: iso(u.previous_login_at),
        emailVerifiedAt: iso(u.email_verified_at),
        createdAt: iso(u.created_at),
      },
      account: u.a_id ? { id: u.a_id, name: u.a_name, slug: u.a_slug, createdAt: iso(u.a_created_at) } : null,
      accountRole: u.a_id ? (u.m_role ?? null) : null,
      authMethod: "session",
    });
  });
  return app;
}
