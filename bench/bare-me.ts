import { createHash } from "node:crypto";
import express from "express";
import type { DbHandle } from "@atrium/db";

// The floor the full stack is measured against: express and pg running the
// queries `me` runs for a session token (packages/core/src/auth: the session
// joined to its user, then the user's account), with no tRPC, OpenAPI, zod,
// drizzle, helmet, cors or request logging in between.
const SESSION_WITH_USER = `
  select s.id as s_id, s.user_id as s_user_id, s.expires_at as s_expires_at, s.remember_me as s_remember_me,
         s.ip_address as s_ip_address, s.user_agent as s_user_agent, s.created_at as s_created_at, u.*
  from sessions s inner join users u on s.user_id = u.id
  where s.id = $1 limit 1`;
const ACCOUNT = `select * from accounts where deleted_at is null and id = $1 limit 1`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function bareMeApp(pool: DbHandle["pool"]): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/api/me/", async (req, res) => {
    const token = req.get("authorization")?.replace(/^Bearer /i, "");
    if (!token) return void res.status(401).json({ message: "Authentication required" });
    const id = createHash("sha256").update(token).digest("hex");
    const { rows } = await pool.query(SESSION_WITH_USER, [id]);
    const u = rows[0];
    if (!u || u.s_expires_at.getTime() <= Date.now() || !u.is_active || u.deleted_at) {
      return void res.status(401).json({ message: "Authentication required" });
    }
    const account = u.account_id ? (await pool.query(ACCOUNT, [u.account_id])).rows[0] : undefined;
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
        createdAt: iso(u.created_at),
      },
      account: account ? { id: account.id, name: account.name, slug: account.slug, createdAt: iso(account.created_at) } : null,
      authMethod: "session",
    });
  });
  return app;
}
