import { z } from "zod";

/** Text inputs shared by the tenancy contracts, with the messages users see. */
export const zId = (what: string) => z.uuid(`Not a valid ${what} id`);
export const zName = (what: string) => z.string().trim().min(1, `Give the ${what} a name`).max(100, "At most 100 characters");
/** Shown next to every description field, so the limit is seen before it is hit. */
export const DESCRIPTION_MAX_LENGTH = 2000;
export const zDescription = z.string().trim().max(DESCRIPTION_MAX_LENGTH, `At most ${DESCRIPTION_MAX_LENGTH} characters`);

/**
 * A boolean that also arrives as the text "true"/"false" in a query string
 * (plain z.boolean coercion would read "false" as true).
 */
export const zQueryBool = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "Use true or false" }));
