/** Every query key in one place, so invalidations can't drift from the queries. */
export const queryKeys = {
  me: ["me"],
  health: ["health"],
  apiKeys: ["apiKeys"],
  myMemberships: ["myMemberships"],
  invitationPreview: (token: string) => ["invitationPreview", token] as const,
  organizations: ["organizations"],
  organization: (id: string) => ["organizations", id] as const,
  organizationMembers: (id: string) => ["organizations", id, "members"] as const,
  invitations: (organizationId: string) => ["organizations", organizationId, "invitations"] as const,
  teams: (organizationId: string) => ["organizations", organizationId, "teams"] as const,
  team: (id: string) => ["teams", id] as const,
  teamMembers: (id: string) => ["teams", id, "members"] as const,
  admin: {
    users: (q: string) => ["admin", "users", q] as const,
    allUsers: ["admin", "users"],
    inviteKeys: ["admin", "inviteKeys"],
    audit: (filters: object) => ["admin", "audit", filters] as const,
    outbox: (to: string) => ["admin", "outbox", to] as const,
    outboxEmail: (id: string) => ["admin", "outbox", "email", id] as const,
  },
} as const;
