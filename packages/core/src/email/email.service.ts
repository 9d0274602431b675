import { desc, eq, lt, and, sql } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import { iso, isoOrNull } from "../shared/dates.js";
import { notFound } from "../shared/errors.js";
import type { TEmailTemplate, TOutboxEmail } from "./email.schema.js";
import { renderEmail, type TemplateData } from "./template.service.js";
import type { EmailTransport } from "./transport.service.js";
import { redactLinks } from "../shared/redact.service.js";
import { STAFF_TOPIC } from "../realtime/realtime.schema.js";
import { publishAfterCommit, publishEvent } from "../realtime/realtime.service.js";

const { emailOutbox } = schema;
type EmailRow = typeof emailOutbox.$inferSelect;

/** Staff's outbox view refetches when an email is queued, sent or fails (instead of polling). */
export const publishOutboxChange = (ctx: Pick<ServiceContext, "realtime" | "logger">, emailId: string) =>
  publishEvent(ctx, [STAFF_TOPIC], { type: "outbox.changed", emailId });

export const toOutboxDto = (r: EmailRow): TOutboxEmail => ({
  id: r.id,
  toAddress: r.toAddress,
  subject: r.subject,
  html: r.html,
  text: r.text,
  template: r.template,
  status: r.status,
  transport: r.transport,
  error: r.error,
  attempts: r.attempts,
  createdAt: iso(r.createdAt),
  sentAt: isoOrNull(r.sentAt),
});

/**
 * Renders and records an email, then hands it to the notifications queue. The
 * row is written first so nothing is lost if Redis is briefly away: the worker's
 * sweep picks up rows still queued.
 */
export async function queueEmail<T extends TEmailTemplate>(
  ctx: ServiceContext,
  msg: { to: string; template: T; data: TemplateData[T]; accountId?: string | null },
): Promise<{ id: string }> {
  const rendered = renderEmail(msg.template, msg.data);
  const [row] = await ctx.db
    .insert(emailOutbox)
    .values({ toAddress: msg.to, template: msg.template, accountId: msg.accountId ?? null, ...rendered })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("insert returned no row");
  // Inside a caller's transaction, only once it commits (see publishAfterCommit; queueEmailInTx announces on dispatch).
  await publishAfterCommit(ctx, ctx.db, [STAFF_TOPIC], { type: "outbox.changed", emailId: row.id });
  if (ctx.jobs) {
    await ctx.jobs.enqueue("email.send", { emailId: row.id }).catch((err: unknown) => {
      ctx.logger.warn({ err, emailId: row.id }, "could not enqueue email; the sweep will retry");
    });
  }
  return row;
}

/**
 * Sends one recorded email through the transport and records the outcome.
 * Throws on failure so the queue retries; a sent email is never sent twice.
 * Once a real transport (SMTP, Resend) has it, the recipient's mailbox holds
 * the live links, so the stored copy keeps only redacted ones: a database
 * leak or a staff member reading the outbox can't reset anyone's password.
 * The `outbox` transport delivers nowhere; its rows keep their links (the dev
 * mailbox) until redactExpiredLinks runs past the links' lifetime.
 */
export async function deliverEmail(ctx: ServiceContext, transport: EmailTransport, emailId: string): Promise<"sent" | "skipped"> {
  const [row] = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId)).limit(1);
  if (!row) throw notFound("Email");
  if (row.status === "sent") return "skipped";
  try {
    await transport.send({ from: ctx.config.EMAIL_FROM, to: row.toAddress, subject: row.subject, html: row.html, text: row.text });
  } catch (err) {
    await ctx.db
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, error: err instanceof Error ? err.message : String(err), transport: transport.name })
      .where(eq(emailOutbox.id, emailId));
    await publishOutboxChange(ctx, emailId);
    throw err;
  }
  await ctx.db
    .update(emailOutbox)
    .set({
      status: "sent",
      sentAt: ctx.now(),
      transport: transport.name,
      error: null,
      attempts: sql`${emailOutbox.attempts} + 1`,
      ...(transport.name === "outbox" ? {} : { html: redactLinks(row.html), text: redactLinks(row.text) }),
    })
    .where(eq(emailOutbox.id, emailId));
  await publishOutboxChange(ctx, emailId);
  return "sent";
}

/**
 * Re-enqueues emails still `queued` after a while: their job was never added
 * (Redis away at the time) or was lost. Sending is guarded by the row's status,
 * so an email whose first job is merely slow is still sent once.
 */
export async function requeueStaleEmails(ctx: ServiceContext, opts: { olderThanMinutes: number }): Promise<number> {
  if (!ctx.jobs) throw new Error("requeueStaleEmails needs ctx.jobs");
  const cutoff = new Date(ctx.now().getTime() - opts.olderThanMinutes * 60_000);
  const rows = await ctx.db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "queued"), lt(emailOutbox.createdAt, cutoff)))
    .limit(500);
  for (const r of rows) await ctx.jobs.enqueue("email.send", { emailId: r.id });
  return rows.length;
}

/** A credential still readable in a link: `token=`, `sig=`, `invitation=`... not followed by [redacted]. */
const LIVE_LINK = String.raw`[?&](amp;)?(token|sig|signature|invitation|code)=[^[]`;

/**
 * Redacts the links of every outbox row older than `olderThanHours` (the
 * longest link lifetime): in the dev "outbox is the mailbox" mode and for
 * emails that never went out, full bodies live only as long as their links.
 * Rows already redacted don't match, so each row is rewritten once.
 */
export async function redactExpiredLinks(ctx: ServiceContext, opts: { olderThanHours: number }): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - opts.olderThanHours * 3_600_000);
  let total = 0;
  for (;;) {
    const rows = await ctx.db
      .select({ id: emailOutbox.id, html: emailOutbox.html, text: emailOutbox.text })
      .from(emailOutbox)
      .where(and(lt(emailOutbox.createdAt, cutoff), sql`(${emailOutbox.html} ~* ${LIVE_LINK} or ${emailOutbox.text} ~* ${LIVE_LINK})`))
      .limit(200);
    for (const r of rows) {
      await ctx.db.update(emailOutbox).set({ html: redactLinks(r.html), text: redactLinks(r.text) }).where(eq(emailOutbox.id, r.id));
    }
    total += rows.length;
    if (rows.length < 200) return total;
  }
}

/** After the last retry the worker marks the email failed, keeping the error. */
export async function markEmailFailed(ctx: ServiceContext, emailId: string, error: string): Promise<void> {
  await ctx.db.update(emailOutbox).set({ status: "failed", error }).where(eq(emailOutbox.id, emailId));
  await publishOutboxChange(ctx, emailId);
}

export async function listOutbox(ctx: ServiceContext, opts: { limit: number; to?: string; before?: Date }): Promise<TOutboxEmail[]> {
  const conds = [opts.to ? eq(emailOutbox.toAddress, opts.to) : undefined, opts.before ? lt(emailOutbox.createdAt, opts.before) : undefined].filter(Boolean);
  const rows = await ctx.db
    .select()
    .from(emailOutbox)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(opts.limit);
  return rows.map(toOutboxDto);
}
