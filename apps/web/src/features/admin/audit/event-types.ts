import { AUDIT_EVENT_TYPES } from "@atrium/sdk";

const DOMAIN_COLORS: Record<string, string> = {
  auth: "blue",
  invite_key: "violet",
  password: "orange",
  email: "orange",
  api_key: "cyan",
  user: "pink",
  account: "indigo",
  organization: "indigo",
  member: "teal",
  invitation: "teal",
  team: "green",
  team_member: "green",
  job: "grape",
};

const DOMAIN_LABELS: Record<string, string> = {
  auth: "Sign-in",
  invite_key: "Invite keys",
  password: "Passwords",
  email: "Email addresses",
  api_key: "API keys",
  user: "Users",
  account: "Accounts",
  organization: "Organizations",
  member: "Members",
  invitation: "Invitations",
  team: "Teams",
  team_member: "Team members",
  job: "Jobs",
};

const domainOf = (eventType: string) => eventType.split(".")[0] ?? "";

export function eventColor(eventType: string): string {
  if (eventType.endsWith("_failed")) return "red";
  return DOMAIN_COLORS[domainOf(eventType)] ?? "gray";
}

/** The event type select's options, grouped by what they are about. */
export const EVENT_TYPE_GROUPS = Object.entries(
  AUDIT_EVENT_TYPES.reduce<Record<string, string[]>>((groups, type) => {
    const label = DOMAIN_LABELS[domainOf(type)] ?? "Other";
    (groups[label] ??= []).push(type);
    return groups;
  }, {}),
).map(([group, items]) => ({ group, items }));
