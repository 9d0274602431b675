import { ServiceError } from "../shared/errors.js";
import { MAX_RANGE_DAYS, type TDateRangeInput } from "./range.schema.js";

export const DAY_MS = 86_400_000;

export interface DayRange {
  startDate: string;
  endDate: string;
  /** Start of startDate, UTC. */
  from: Date;
  /** Start of the day after endDate: the range is [from, until). */
  until: Date;
  days: string[];
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Fills in the defaults and refuses backwards or overlong ranges with field errors. */
export function resolveRange(input: TDateRangeInput, now: Date): DayRange {
  const endDate = input.endDate ?? dayOf(now);
  const startDate = input.startDate ?? dayOf(new Date(Date.parse(endDate) - 29 * DAY_MS));
  const from = new Date(`${startDate}T00:00:00Z`);
  const until = new Date(Date.parse(`${endDate}T00:00:00Z`) + DAY_MS);
  if (from >= until) throw new ServiceError("BAD_REQUEST", "endDate must not be before startDate", { endDate: ["Must not be before startDate"] });
  const span = (until.getTime() - from.getTime()) / DAY_MS;
  if (span > MAX_RANGE_DAYS) {
    throw new ServiceError("BAD_REQUEST", `A range can span at most ${MAX_RANGE_DAYS} days`, { startDate: [`The range can span at most ${MAX_RANGE_DAYS} days`] });
  }
  const days = Array.from({ length: span }, (_, i) => dayOf(new Date(from.getTime() + i * DAY_MS)));
  return { startDate, endDate, from, until, days };
}
