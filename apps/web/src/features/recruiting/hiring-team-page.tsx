import { Select, Text } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { DataTable } from "../../components/data-table";
import { ForbiddenPage } from "../../components/forbidden-page";
import { memberColumns } from "../../components/member-columns";
import { PageHeader } from "../../components/page-header";
import type { Member } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { Crumbs } from "./crumbs";
import { useAccountMembers, useSetRecruitingRole } from "./use-hiring-team";
import { useRecruitingAccess } from "./use-recruiting-access";

const ROLE_OPTIONS = [
  { value: "none", label: "No recruiting role" },
  { value: "recruiter", label: "Recruiter" },
  { value: "hiring_manager", label: "Hiring manager" },
];

function RoleSelect({ accountId, member }: { accountId: string; member: Member }) {
  const set = useSetRecruitingRole(accountId);
  return (
    <Select
      aria-label={`Recruiting role of ${member.username}`}
      data={ROLE_OPTIONS}
      value={member.recruitingRole ?? "none"}
      allowDeselect={false}
      disabled={set.isPending}
      onChange={(v) => set.mutate({ id: accountId, userId: member.userId, recruitingRole: v === "recruiter" || v === "hiring_manager" ? v : null })}
      w={190}
      data-testid="recruiting-role"
    />
  );
}

/** Account admins choose who recruits (writes postings, moves candidates) and who only reads (hiring managers). */
export function HiringTeamPage() {
  const { user } = useCurrentUser();
  const access = useRecruitingAccess();
  const accountId = access.account?.id ?? "";
  const members = useAccountMembers(accountId);
  if (!access.loading && !access.admin) return <ForbiddenPage title="Only account admins choose the hiring team" description="Ask an admin or owner of your account." />;
  return (
    <>
      <Crumbs to="/recruiting/postings" label="Job postings" current="Hiring team" />
      <PageHeader
        title="Hiring team"
        description="Recruiters write and publish postings and move candidates; hiring managers read them. Admins and owners can do both without a role."
      />
      <DataTable
        query={members}
        columns={memberColumns<Member>({
          selfId: user.id,
          roleHeader: "Recruiting role",
          roleWidth: 220,
          role: (m) => <RoleSelect accountId={accountId} member={m} />,
          action: (m) => (
            <Text size="xs" c="dimmed">
              {m.role === "owner" || m.role === "admin" ? "Account admin" : ""}
            </Text>
          ),
        })}
        rowKey={(m) => m.userId}
        rowProps={() => ({ "data-testid": "hiring-team-row" })}
        minWidth={720}
        errorTitle="Couldn't load your account's members"
        loadingLabel="Loading members"
        empty={{ icon: <IconUsersGroup size={28} />, title: "No members yet", description: "Invite people to your account first." }}
      />
    </>
  );
}
