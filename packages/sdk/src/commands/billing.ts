import { type Command, InvalidArgumentError, Option } from "commander";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines } from "../cli/output.js";

/** "$12.34" / "-$0.05" from integer cents. */
const dollars = (cents: number, currency = "USD") => {
  const abs = Math.abs(cents);
  const symbol = currency.toUpperCase() === "USD" ? "$" : `${currency.toUpperCase()} `;
  return `${cents < 0 ? "-" : ""}${symbol}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};

function nonZeroCents(value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n === 0) throw new InvalidArgumentError("expected a non-zero whole number of cents (negative to debit)");
  return n;
}

function wholeMillicents(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError("expected a whole, non-negative number of thousandths of a cent");
  return n;
}

/** `atrium billing balance|adjust|prices|set-price`: the reserve balance, staff adjustments with a reason, and the price table. */
export function registerBilling(program: Command, ctx: CliContext): void {
  const billing = program.command("billing").description("prepaid reserve: balance and (staff) adjustments");

  billing
    .command("balance")
    .description("show the reserve balance of your account (or another you may read)")
    .option("--account <id>", "account id (default: your home account)")
    .option("--json", "print JSON")
    .action(async (opts: { account?: string; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const b = await client.billing.balance.query({ accountId: opts.account });
      if (opts.json) return printJson(ctx.io, b);
      const state = b.paymentFailed ? "payment failed" : b.isLow ? "low" : "ok";
      printLines(
        ctx.io,
        `balance:   ${dollars(b.balanceCents, b.currency)} (${b.balanceCents} cents)`,
        `status:    ${state}`,
        `policy:    ${b.policy}, low below ${dollars(b.thresholdCents, b.currency)}`,
        `account:   ${b.accountId}`,
      );
    });

  billing
    .command("adjust")
    .description("credit (positive) or debit (negative) a tenant's reserve; staff only, audited")
    .addOption(new Option("--tenant <id>", "the tenant (account) id").makeOptionMandatory())
    .addOption(new Option("--amount-cents <n>", "whole cents, negative to debit").argParser(nonZeroCents).makeOptionMandatory())
    .addOption(new Option("--reason <text>", "why (recorded in the ledger and the audit log)").makeOptionMandatory())
    .option("--idempotency-key <key>", "retrying with the same key applies the adjustment once")
    .option("--json", "print JSON")
    .action(async (opts: { tenant: string; amountCents: number; reason: string; idempotencyKey?: string; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const r = await client.billing.admin.adjust.mutate({ tenantId: opts.tenant, amountCents: opts.amountCents, reason: opts.reason, idempotencyKey: opts.idempotencyKey });
      if (opts.json) return printJson(ctx.io, r);
      if (!r.applied) return printLines(ctx.io, `Already applied (same idempotency key): ${dollars(r.entry.amountCents)} — balance ${dollars(r.newBalanceCents)} (entry ${r.entry.id}).`);
      // Before → after, as the SPA's confirm dialog shows it; the api caps the amount (BILLING_ADJUST_MAX_DOLLARS).
      printLines(ctx.io, `Adjusted ${dollars(r.entry.amountCents)} — balance ${dollars(r.newBalanceCents - r.entry.amountCents)} → ${dollars(r.newBalanceCents)} (entry ${r.entry.id}).`);
    });

  billing
    .command("prices")
    .description("list the price table (staff only): per model, per job type, storage")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const list = await client.billing.admin.prices.query();
      if (opts.json) return printJson(ctx.io, list);
      printLines(ctx.io, ...list.items.map((p) => `${p.item.padEnd(28)} ${String(p.unitPriceCents).padStart(10)} ¢ per ${p.unit}`));
    });

  billing
    .command("set-price")
    .description("set one price (staff only, audited); applies to estimates and runs from now on")
    .addOption(new Option("--item <item>", "a model name, compute:<job type>, storage or compute").makeOptionMandatory())
    .addOption(new Option("--unit <unit>", 'e.g. "job run", "1K characters read", "1M input tokens", "GB-month"').makeOptionMandatory())
    .addOption(new Option("--millicents <n>", "thousandths of a cent per unit (500 = 0.5 ¢)").argParser(wholeMillicents).makeOptionMandatory())
    .option("--json", "print JSON")
    .action(async (opts: { item: string; unit: string; millicents: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const list = await client.billing.admin.updatePrices.mutate({ prices: [{ item: opts.item, unit: opts.unit, unitPriceMillicents: opts.millicents }] });
      if (opts.json) return printJson(ctx.io, list);
      printLines(ctx.io, `${opts.item} now costs ${opts.millicents / 1000} ¢ per ${opts.unit}.`);
    });
}
