import { inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { ServiceError } from "../shared/errors.js";
import { roundHalfUp } from "./money.service.js";
import { PRICE_UNITS } from "./price-admin.schema.js";

const { prices } = schema;


/** The price-table item that charges a job type's compute: per run plus per 1,000 characters its analyzer reads. */
export const computeItem = (jobType: string) => `compute:${jobType}`;

/**
 * Seeded on first start, then the table is the truth (edits survive restarts).
 * Thousandths of a cent per unit: gpt-4o-mini's $0.15 per 1M input tokens is
 * 15 cents = 15,000. Storage 10¢ per GB-month. Compute is charged per job
 * type per 1,000 characters read, so even the free local analyzer costs
 * something real: a résumé (≈5K chars) matched to a job description (≈3K)
 * reads ≈8K characters at 0.5¢ = 4¢. The "compute second" row prices only
 * the noop test job's declared wait.
 */
export const DEFAULT_PRICES: ReadonlyArray<{ item: string; unit: string; unitPriceMillicents: number }> = [
  { item: "local", unit: PRICE_UNITS.input, unitPriceMillicents: 0 },
  { item: "local", unit: PRICE_UNITS.output, unitPriceMillicents: 0 },
  { item: "gpt-4o-mini", unit: PRICE_UNITS.input, unitPriceMillicents: 15_000 },
  { item: "gpt-4o-mini", unit: PRICE_UNITS.output, unitPriceMillicents: 60_000 },
  { item: "gpt-4o", unit: PRICE_UNITS.input, unitPriceMillicents: 250_000 },
  { item: "gpt-4o", unit: PRICE_UNITS.output, unitPriceMillicents: 1_000_000 },
  { item: "storage", unit: PRICE_UNITS.storage, unitPriceMillicents: 10_000 },
  { item: "compute", unit: PRICE_UNITS.compute, unitPriceMillicents: 10 },
  { item: computeItem("document_analysis"), unit: PRICE_UNITS.run, unitPriceMillicents: 1_000 },
  { item: computeItem("document_analysis"), unit: PRICE_UNITS.chars, unitPriceMillicents: 400 },
  { item: computeItem("resume_match"), unit: PRICE_UNITS.run, unitPriceMillicents: 2_000 },
  { item: computeItem("resume_match"), unit: PRICE_UNITS.chars, unitPriceMillicents: 500 },
  { item: computeItem("worklog_summary"), unit: PRICE_UNITS.run, unitPriceMillicents: 1_000 },
  { item: computeItem("worklog_summary"), unit: PRICE_UNITS.chars, unitPriceMillicents: 300 },
  { item: computeItem("resume_parse"), unit: PRICE_UNITS.run, unitPriceMillicents: 1_000 },
  { item: computeItem("resume_parse"), unit: PRICE_UNITS.chars, unitPriceMillicents: 400 },
  // Speech to text is the provider's cost per minute (OpenAI's whisper-1 is 0.6¢), plus the transcript's analysis.
  { item: computeItem("interview_transcription"), unit: PRICE_UNITS.run, unitPriceMillicents: 1_000 },
  { item: computeItem("interview_transcription"), unit: PRICE_UNITS.audio, unitPriceMillicents: 1_000 },
  { item: computeItem("interview_transcription"), unit: PRICE_UNITS.chars, unitPriceMillicents: 300 },
];

/** Inserts the default prices that are missing; never overwrites a price someone changed. */
export async function ensureDefaultPrices(db: DbOrTx): Promise<void> {
  await db.insert(prices).values([...DEFAULT_PRICES]).onConflictDoNothing();
}

export interface UsageLineItem {
  item: string;
  /** In `unit`s: 0.0123 of "1M input tokens" is 12,300 tokens. */
  quantity: number;
  unit: string;
  unitPriceCents: number;
  /** Exact to a millionth of a cent; only the run's total is rounded. */
  amountCents: number;
}

export interface UsageInput {
  llm?: Array<{ model: string; inputTokens: number; outputTokens: number }>;
  storageGbMonths?: number;
  computeSeconds?: number;
  /** One run of a job type: its per-run price plus the characters its analyzer read at its per-1K price. */
  charsRead?: { jobType: string; chars: number };
  /** Whole seconds of audio a job type transcribed, at its price per audio minute. */
  audioSeconds?: { jobType: string; seconds: number };
}

export interface PricedUsage {
  lineItems: UsageLineItem[];
  /** The exact sum of the lines, rounded half up to a whole cent, once. */
  totalCents: number;
}

const micro = (n: number) => Math.round(n * 1e6) / 1e6;

function assertQuantity(name: string, n: number, integer: boolean): void {
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isSafeInteger(n))) {
    const message = `Must be a ${integer ? "whole, " : ""}non-negative number`;
    throw new ServiceError("BAD_REQUEST", `${name}: ${message}`, { [name]: [message] });
  }
}

/**
 * Prices one job run: per model, input and output tokens at their per-1M
 * prices, plus storage GB-months, compute per job type and compute seconds. Unknown models are refused
 * (BAD_REQUEST) rather than run for free; add a row to `prices` for them.
 */
export async function priceUsage(db: DbOrTx, usage: UsageInput): Promise<PricedUsage> {
  const tokens = new Map<string, { input: number; output: number }>();
  for (const l of usage.llm ?? []) {
    assertQuantity("inputTokens", l.inputTokens, true);
    assertQuantity("outputTokens", l.outputTokens, true);
    const t = tokens.get(l.model) ?? { input: 0, output: 0 };
    tokens.set(l.model, { input: t.input + l.inputTokens, output: t.output + l.outputTokens });
  }
  if (usage.storageGbMonths !== undefined) assertQuantity("storageGbMonths", usage.storageGbMonths, false);
  if (usage.charsRead) assertQuantity("chars", usage.charsRead.chars, true);
  const charsItem = usage.charsRead ? computeItem(usage.charsRead.jobType) : undefined;
  if (usage.computeSeconds !== undefined) assertQuantity("computeSeconds", usage.computeSeconds, false);
  if (usage.audioSeconds) assertQuantity("seconds", usage.audioSeconds.seconds, true);
  const audioItem = usage.audioSeconds ? computeItem(usage.audioSeconds.jobType) : undefined;

  const items = [...tokens.keys(), ...(usage.storageGbMonths ? ["storage"] : []), ...(usage.computeSeconds ? ["compute"] : []), ...(charsItem ? [charsItem] : []), ...(audioItem ? [audioItem] : [])];
  const rows = items.length ? await db.select().from(prices).where(inArray(prices.item, items)) : [];
  const priceOf = (item: string, unit: string) => {
    const row = rows.find((r) => r.item === item && r.unit === unit);
    if (!row) throw new ServiceError("BAD_REQUEST", `No price for ${item} per ${unit}; add it to the price table`);
    return row.unitPriceMillicents;
  };

  // Token lines multiply integers first (tokens × price per 1M) so the cent boundary is exact.
  const lines: Array<{ item: string; unit: string; quantity: number; millicentsPerUnit: number; millicents: number }> = [];
  const tokenLine = (model: string, dir: "input" | "output", n: number) => {
    const price = priceOf(model, PRICE_UNITS[dir]);
    lines.push({ item: `${model} ${dir}`, unit: PRICE_UNITS[dir], quantity: n / 1e6, millicentsPerUnit: price, millicents: (n * price) / 1e6 });
  };
  const unitLine = (item: "storage" | "compute", quantity: number) => {
    const price = priceOf(item, PRICE_UNITS[item]);
    lines.push({ item, unit: PRICE_UNITS[item], quantity, millicentsPerUnit: price, millicents: quantity * price });
  };
  for (const [model, t] of tokens) {
    if (t.input) tokenLine(model, "input", t.input);
    if (t.output) tokenLine(model, "output", t.output);
  }
  if (usage.storageGbMonths) unitLine("storage", usage.storageGbMonths);
  if (usage.computeSeconds) unitLine("compute", usage.computeSeconds);
  if (charsItem && usage.charsRead) {
    const perRun = priceOf(charsItem, PRICE_UNITS.run);
    lines.push({ item: charsItem, unit: PRICE_UNITS.run, quantity: 1, millicentsPerUnit: perRun, millicents: perRun });
    // Integers first (chars × price per 1K), like tokens, so the estimate and the debit round identically.
    const price = priceOf(charsItem, PRICE_UNITS.chars);
    const n = usage.charsRead.chars;
    if (n) lines.push({ item: charsItem, unit: PRICE_UNITS.chars, quantity: n / 1000, millicentsPerUnit: price, millicents: (n * price) / 1000 });
  }
  if (audioItem && usage.audioSeconds?.seconds) {
    // Whole seconds × price per minute / 60: estimate and debit read the same seconds, so they round alike.
    const price = priceOf(audioItem, PRICE_UNITS.audio);
    const s = usage.audioSeconds.seconds;
    lines.push({ item: audioItem, unit: PRICE_UNITS.audio, quantity: s / 60, millicentsPerUnit: price, millicents: (s * price) / 60 });
  }

  const totalMillicents = lines.reduce((sum, l) => sum + l.millicents, 0);
  return {
    lineItems: lines.map((l) => ({ item: l.item, quantity: micro(l.quantity), unit: l.unit, unitPriceCents: l.millicentsPerUnit / 1000, amountCents: micro(l.millicents / 1000) })),
    totalCents: roundHalfUp(totalMillicents / 1000),
  };
}
