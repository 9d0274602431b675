import { createClient, type RouterOutputs } from "@atrium/sdk";

/**
 * The SPA's client: same origin, so the HttpOnly session cookie rides along
 * (in dev, Vite proxies /trpc to the api; in production the api serves the SPA).
 */
export const api = createClient({ baseUrl: "", credentials: "same-origin" });

export type Me = RouterOutputs["me"];
export type ApiKey = RouterOutputs["apiKeys"]["list"]["items"][number];
export type CreatedApiKey = RouterOutputs["apiKeys"]["create"];
