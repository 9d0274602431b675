import { and, eq, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import { appUrl } from "../email/email-in-tx.service.js";
import { notifyInTx } from "../notifications/notification.service.js";
import type { ReserveState } from "./ledger.repository.js";
import { formatCents } from "./money.service.js";

const { accountMembers, accounts, users } = schema;

/**
 * A decrease that leaves the balance under the threshold tells the owners,
 * unless they were already told since it last went under: the flag
 * (lowBalanceNotifiedAt) is cleared only when the balance is back at or above
 * the threshold, so a run of debits sends one email, not one each.
 */
export function crossesLowBalance(deltaCents: number, after: ReserveState): boolean {
  return deltaCents < 0 && after.balanceCents < after.lowBalanceThresholdCents && after.lowBalanceNotifiedAt === null;
}

/** The tenant's owners who can receive mail. */
async function ownerRecipients(db: DbOrTx, accountId: string) {
  return db
    .select({ userId: users.id, accountName: accounts.name })
    .from(accountMembers)
    .innerJoin(users, eq(users.id, accountMembers.userId))
    .innerJoin(accounts, eq(accounts.id, accountMembers.accountId))
    .where(and(eq(accountMembers.accountId, accountId), eq(accountMembers.role, "owner"), eq(users.isActive, true), isNull(users.deletedAt)));
}

/**
 * Notifies each owner (kind balance.low: the bell, and the "low_balance" email
 * when their preference is email, the default) inside the caller's transaction
 * (a rolled-back debit tells no one) and returns what to run after commit: the
 * live events and the emails' jobs.
 */
export async function queueLowBalanceEmails(ctx: ServiceContext, tx: DbOrTx, accountId: string, state: ReserveState): Promise<() => Promise<void>> {
  const owners = await ownerRecipients(tx, accountId);
  const dispatches: Array<() => Promise<void>> = [];
  for (const owner of owners) {
    const balance = formatCents(state.balanceCents, state.currency);
    const threshold = formatCents(state.lowBalanceThresholdCents, state.currency);
    const billingUrl = appUrl(ctx, "/billing");
    const { dispatch } = await notifyInTx(ctx, tx, {
      userId: owner.userId,
      accountId,
      kind: "balance.low",
      title: `${owner.accountName}: balance is low (${balance})`,
      body: `The prepaid balance fell below the threshold of ${threshold}. Top up to keep jobs running.`,
      link: "/billing",
      email: { template: "low_balance", data: { accountName: owner.accountName, balance, threshold, policy: state.lowBalancePolicy, billingUrl } },
    });
    dispatches.push(dispatch);
  }
  return async () => {
    for (const dispatch of dispatches) await dispatch();
  };
}
