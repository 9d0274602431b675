import type { generateOpenApiDocument } from "trpc-to-openapi";
import { documentPathOf } from "../routes/openapi-security.js";

/**
 * REST-only aliases: the snake_case fields and filters the operator manuals
 * (../shared/reference/000_*) document for a route Atrium implements, mapped to
 * our field. Keyed by the route as its procedure's meta spells it. tRPC and the
 * SDK take only our names; any other key is refused by name (strict contracts).
 */
export const REST_ALIASES: Record<string, Record<string, string>> = {
  "POST /auth/login/": { remember_me: "rememberMe" },
  "POST /auth/token/": { remember_me: "rememberMe" },
  "POST /admin/invite-keys/": { expires_days: "expiresDays" },
  "PATCH /admin/users/{id}/": { is_active: "isActive" },
  "POST /admin/users/{id}/reset-password/": { new_password: "newPassword" },
  "GET /admin/audit-events/": { user_id: "userId", event_type: "eventType" },
  "POST /billing/topup/session/": { amount_dollars: "amountDollars" },
  "PATCH /billing/profile/": { low_balance_policy: "lowBalancePolicy" },
  "POST /billing/admin/reserve/adjust/": { tenant_id: "tenantId", amount_cents: "amountCents" },
  "GET /billing/admin/usage/costs/": { start_date: "startDate", end_date: "endDate" },
  "GET /system/metrics/summary/": { start_date: "startDate", end_date: "endDate" },
  "POST /messages/send/": { receiver_id: "receiverId", conversation_id: "conversationId" },
};

/** Values the manuals spell differently, accepted only through the alias (`?event_type=login`). */
export const REST_VALUE_ALIASES: Record<string, Record<string, Record<string, string>>> = {
  "GET /admin/audit-events/": {
    event_type: { login: "auth.login", login_failed: "auth.login_failed", logout: "auth.logout", signup: "auth.signup" },
  },
};

type Document = ReturnType<typeof generateOpenApiDocument>;
type Schema = { properties?: Record<string, unknown> };
type Parameter = { name: string; in: string; description?: string; schema?: unknown };
type Operation = {
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

/**
 * Documents each alias where a client reads it: a sentence in the operation's
 * description, and the alias itself as a property or query parameter (so a
 * validating proxy that honours `additionalProperties: false` lets it through).
 */
export function documentRestAliases(doc: Document): Document {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [route, aliases] of Object.entries(REST_ALIASES)) {
    const [method = "", path = ""] = route.split(" ");
    const operation = paths[documentPathOf(path)]?.[method.toLowerCase()];
    if (!operation) continue;
    const list = Object.entries(aliases).map(([alias, field]) => {
      const values = REST_VALUE_ALIASES[route]?.[alias];
      const spelled = values ? ` (${Object.entries(values).map(([a, v]) => `\`${a}\` means \`${v}\``).join(", ")})` : "";
      return `\`${alias}\` for \`${field}\`${spelled}`;
    });
    const note = `REST also accepts the snake_case names of the operator manuals: ${list.join("; ")}. Send one spelling, not both; any other unknown key is refused with a 400 naming it.`;
    operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
    const body = operation.requestBody?.content?.["application/json"]?.schema;
    for (const [alias, field] of Object.entries(aliases)) {
      if (body?.properties?.[field]) body.properties[alias] = { ...(body.properties[field] as object), description: `Alias of \`${field}\`` };
      const param = operation.parameters?.find((p) => p.in === "query" && p.name === field);
      if (param) operation.parameters?.push({ ...param, name: alias, description: `Alias of \`${field}\`` });
    }
  }
  return doc;
}
