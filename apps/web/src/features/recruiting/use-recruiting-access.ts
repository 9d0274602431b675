import { useLocalStorage } from "@mantine/hooks";
import type { MyMemberships } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";
import { useMyMemberships } from "../organizations/use-current-organization";

export type RecruitingAccount = MyMemberships["accounts"][number];

/**
 * The accounts where the policy lets the user read recruiting (memberships: recruiting.read /
 * recruiting.manage), and the one the HR portal works in: the one last chosen, else the home
 * account, else the first. A recruiter of an employer is usually not in their home account there.
 * The api checks every call again.
 */
export function useRecruitingAccess() {
  const { user, account: home } = useCurrentUser();
  const memberships = useMyMemberships();
  const [storedId, setStoredId] = useLocalStorage<string | null>({ key: `atrium.recruiting-account.${user.id}`, defaultValue: null, getInitialValueInEffect: false });
  const accounts = memberships.data?.accounts.filter((a) => a.recruiting.read) ?? [];
  const account = accounts.find((a) => a.id === storedId) ?? accounts.find((a) => a.id === home?.id) ?? accounts[0] ?? null;
  return {
    accounts,
    /** The employer the HR portal shows; null when the user may recruit nowhere. */
    account,
    select: setStoredId,
    loading: memberships.isPending,
    read: account !== null,
    manage: account?.recruiting.manage ?? false,
    /** Admins and owners choose the hiring team. */
    admin: account?.role === "owner" || account?.role === "admin",
    /** Rights in a given account (a posting's own). */
    rightsIn: (accountId: string) => memberships.data?.accounts.find((a) => a.id === accountId)?.recruiting ?? { read: false, manage: false },
  };
}
