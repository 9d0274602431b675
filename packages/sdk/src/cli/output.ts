import type { CliIo } from "./io.js";

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(io: CliIo, ...lines: string[]): void {
  io.stdout.write(`${lines.join("\n")}\n`);
}

/** Left-aligned columns sized to their widest cell. */
export function printTable(io: CliIo, headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  printLines(io, line(headers), ...rows.map(line));
}

/** ISO timestamps shortened to the minute, "-" for none. */
export const when = (iso: string | null): string => (iso ? iso.slice(0, 16).replace("T", " ") : "-");
