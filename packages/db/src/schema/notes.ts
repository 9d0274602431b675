import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.js";
import { users } from "./users.js";

/** A user's own short notes. */
export const notes = pgTable(
  "notes",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text().notNull(),
    ...timestamps,
  },
  (t) => [index("notes_user_id_idx").on(t.userId)],
);
