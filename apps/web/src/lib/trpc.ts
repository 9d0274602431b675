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

export type Me = RouterOutputs["me"];
export type ApiKey = RouterOutputs["apiKeys"]["list"]["items"][number];
export type CreatedApiKey = RouterOutputs["apiKeys"]["create"];

export type MyMemberships = RouterOutputs["myMemberships"];
export type MyOrganization = MyMemberships["organizations"][number];
export type Organization = RouterOutputs["organization"]["get"];
export type Member = RouterOutputs["organization"]["listMembers"]["items"][number];
export type Invitation = RouterOutputs["invitation"]["list"]["items"][number];
export type InviteResult = RouterOutputs["invitation"]["create"];
export type InvitationPreview = RouterOutputs["invitation"]["get"];
export type MyInvitation = RouterOutputs["invitation"]["mine"]["items"][number];
export type Team = RouterOutputs["team"]["get"];
export type TeamMember = RouterOutputs["team"]["listMembers"]["items"][number];

export type AdminUser = RouterOutputs["adminUsers"]["list"]["items"][number];
export type InviteKey = RouterOutputs["inviteKeys"]["list"]["items"][number];
export type CreatedInviteKey = RouterOutputs["inviteKeys"]["create"];
export type AuditEvent = RouterOutputs["audit"]["list"]["items"][number];
export type OutboxEmail = RouterOutputs["outbox"]["list"]["items"][number];

export type Balance = RouterOutputs["billing"]["balance"];
export type Flag = RouterOutputs["flag"]["list"]["items"][number];
export type FlagDetail = RouterOutputs["flag"]["get"];
export type LedgerEntry = RouterOutputs["billing"]["ledger"]["items"][number];
export type BillingProfile = RouterOutputs["billing"]["profile"];
export type TopupSession = RouterOutputs["billingTopup"]["createSession"];
export type TenantAccount = RouterOutputs["account"]["list"]["items"][number];
export type AdjustResult = RouterOutputs["billingAdmin"]["adjust"];
export type UsageCostsReport = RouterOutputs["billingAdmin"]["usageCosts"];
export type Price = RouterOutputs["billingAdmin"]["prices"]["items"][number];
export type MetricsSummary = RouterOutputs["systemMetrics"]["summary"];
export type BackupItem = RouterOutputs["systemBackup"]["list"]["backups"][number];
export type BackupVerification = RouterOutputs["systemBackup"]["verify"];

export type DocumentItem = RouterOutputs["document"]["list"]["items"][number];
export type DocumentDetail = RouterOutputs["document"]["get"];
export type Job = RouterOutputs["job"]["get"];
export type JobEvent = RouterOutputs["job"]["events"]["items"][number];
export type JobEstimate = RouterOutputs["job"]["estimate"];
export type QueueStatus = RouterOutputs["systemJobs"]["queues"];
export type SystemHealth = RouterOutputs["systemHealth"]["get"];
export type HealthCheck = SystemHealth["checks"][number];
