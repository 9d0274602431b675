import { useCurrentUser } from "../auth/current-user";
import { useMyMemberships } from "../organizations/use-current-organization";

/**
 * The home account's recruiting rights as the policy states them (memberships: recruiting.read /
 * recruiting.manage): whether to show the HR portal, and its write actions. The api checks again.
 */
export function useRecruitingAccess() {
  const { account } = useCurrentUser();
  const memberships = useMyMemberships();
  const mine = account ? memberships.data?.accounts.find((a) => a.id === account.id) : undefined;
  return {
    account,
    loading: memberships.isPending,
    read: mine?.recruiting.read ?? false,
    manage: mine?.recruiting.manage ?? false,
    /** Admins and owners set members' recruiting roles. */
    admin: mine?.role === "owner" || mine?.role === "admin",
  };
}
