import { createClient, type AppRouter, type RouterOutputs } from "@atrium/sdk";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { queryClient } from "./query-client";

/**
 * The SPA's client: same origin, so the HttpOnly session cookie rides along
 * (in dev, Vite proxies /trpc to the api; in production the api serves the SPA).
 */
export const api = createClient({ baseUrl: "", credentials: "same-origin" });

/**
 * Every query and mutation goes through tRPC's TanStack Query integration: `trpc.x.y.queryOptions(input)`,
 * `.mutationOptions()`, and `.queryKey()` / `.pathKey()` for invalidation, so keys come from the procedure
 * path and input and can't drift from the queries. A singleton rather than a React context: the SPA has
 * one client and one cache, and the 401 handler outside React needs the keys too.
 */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: api, queryClient });

export type Me = RouterOutputs["auth"]["me"];
export type ApiKey = RouterOutputs["apiKeys"]["list"]["items"][number];
export type CreatedApiKey = RouterOutputs["apiKeys"]["create"];

export type MyMemberships = RouterOutputs["accounts"]["memberships"];
export type MyOrganization = MyMemberships["organizations"][number];
export type Organization = RouterOutputs["organizations"]["get"];
export type Member = RouterOutputs["organizations"]["listMembers"]["items"][number];
export type Invitation = RouterOutputs["invitations"]["list"]["items"][number];
export type InviteResult = RouterOutputs["invitations"]["create"];
export type InvitationPreview = RouterOutputs["invitations"]["get"];
export type MyInvitation = RouterOutputs["invitations"]["mine"]["items"][number];
export type Team = RouterOutputs["teams"]["get"];
export type TeamMember = RouterOutputs["teams"]["listMembers"]["items"][number];

export type AdminUser = RouterOutputs["users"]["admin"]["list"]["items"][number];
export type InviteKey = RouterOutputs["inviteKeys"]["list"]["items"][number];
export type CreatedInviteKey = RouterOutputs["inviteKeys"]["create"];
export type AuditEvent = RouterOutputs["audit"]["list"]["items"][number];
export type OutboxEmail = RouterOutputs["email"]["outbox"]["list"]["items"][number];

export type Balance = RouterOutputs["billing"]["balance"];
export type Flag = RouterOutputs["flags"]["list"]["items"][number];
export type FlagDetail = RouterOutputs["flags"]["get"];
export type LedgerEntry = RouterOutputs["billing"]["ledger"]["items"][number];
export type BillingProfile = RouterOutputs["billing"]["profile"];
export type TopupSession = RouterOutputs["billing"]["topup"]["createSession"];
export type TenantAccount = RouterOutputs["accounts"]["list"]["items"][number];
export type AdjustResult = RouterOutputs["billing"]["admin"]["adjust"];
export type UsageCostsReport = RouterOutputs["billing"]["admin"]["usageCosts"];
export type Price = RouterOutputs["billing"]["admin"]["prices"]["items"][number];
export type MetricsSummary = RouterOutputs["system"]["metrics"]["summary"];
export type BackupItem = RouterOutputs["system"]["backup"]["list"]["backups"][number];
export type BackupVerification = RouterOutputs["system"]["backup"]["verify"];

export type DocumentItem = RouterOutputs["documents"]["list"]["items"][number];
export type Posting = RouterOutputs["recruiting"]["postings"]["get"];
export type PublicPosting = RouterOutputs["recruiting"]["board"]["get"];
export type DocumentDetail = RouterOutputs["documents"]["get"];
export type Job = RouterOutputs["jobs"]["get"];
export type JobEvent = RouterOutputs["jobs"]["events"]["items"][number];
export type JobEstimate = RouterOutputs["jobs"]["estimate"];
export type QueueStatus = RouterOutputs["system"]["jobs"]["queues"];
export type SystemHealth = RouterOutputs["system"]["health"]["get"];
export type HealthCheck = SystemHealth["checks"][number];
