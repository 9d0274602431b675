import { and, desc, eq, sql } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { Actor, ServiceContext } from "../shared/context.js";
import type { TOutboxEmail } from "./email.schema.js";
import { toOutboxDto } from "./email.service.js";
import { authorizeStaff } from "../accounts/policy.service.js";
import { notFound } from "../shared/errors.js";
import { after, toPage } from "../shared/pagination.js";
import type { TListOutboxInput, TOutboxList } from "./outbox.schema.js";

const { emailOutbox } = schema;

/**
 * Every email Atrium recorded, newest first, rendered bodies included: with no
 * SMTP/Resend configured this is where a developer reads the mail. Staff only —
 * it holds other people's reset links.
 */
export async function listOutbox(ctx: ServiceContext, actor: Actor, input: TListOutboxInput): Promise<TOutboxList> {
  authorizeStaff(actor);
  const rows = await ctx.db
    .select()
    .from(emailOutbox)
    .where(and(input.to ? eq(sql`lower(${emailOutbox.toAddress})`, input.to.toLowerCase()) : undefined, after(emailOutbox, emailOutbox, input.cursor)))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toOutboxDto);
}

export async function getOutboxEmail(ctx: ServiceContext, actor: Actor, id: string): Promise<TOutboxEmail> {
  authorizeStaff(actor);
  const [row] = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  if (!row) throw notFound("Email");
  return toOutboxDto(row);
}
