import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, softDelete, timestamps } from "./_columns.js";

/** The tenant: owns organizations, users' data and (later) the prepaid reserve. */
export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull(),
    ...timestamps,
    ...softDelete,
  },
  (t) => [uniqueIndex("accounts_slug_key").on(t.slug)],
);
