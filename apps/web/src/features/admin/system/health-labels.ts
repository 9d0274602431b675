import { formatBytes, humanValue } from "../../../lib/format";
import type { HealthCheck, SystemHealth } from "../../../lib/trpc";

type Status = SystemHealth["status"];

export const STATUS_COLOR: Record<Status, string> = { ok: "teal", degraded: "orange", down: "red" };
export const STATUS_LABEL: Record<Status, string> = { ok: "Operational", degraded: "Degraded", down: "Down" };

export const KIND_LABEL: Record<HealthCheck["kind"], string> = {
  postgres: "Postgres",
  redis: "Redis",
  storage: "Storage",
  email: "Email",
  worker: "Workers",
  queue: "Queues",
  backup: "Backups",
};

/** A check's details as short "key: value" facts, skipping empty ones. */
export function detailFacts(details: HealthCheck["details"]): string[] {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== "")
    .map(([k, v]) => {
      const bytes = typeof v === "number" && /Bytes$/.test(k);
      const label = k.replace(/Bytes$/, "").replace(/([A-Z])/g, " $1").toLowerCase();
      return `${label}: ${bytes ? formatBytes(v) : humanValue(v)}`;
    });
}
