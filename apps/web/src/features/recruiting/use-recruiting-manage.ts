import { useMyMemberships } from "../organizations/use-current-organization";
import { useCurrentUser } from "../auth/current-user";

/**
 * Whether to offer the pipeline's moves here. Admins and owners always may; a member may if the api
 * gave them the recruiter role, which the memberships answer carries once post's roles land — until
 * then members see the moves and the api's 403 says when they may not. The api decides either way.
 */
export function useRecruitingManage(): boolean {
  const { account } = useCurrentUser();
  const memberships = useMyMemberships();
  const mine = account ? memberships.data?.accounts.find((a) => a.id === account.id) : undefined;
  const rights = (mine as { recruiting?: { manage?: boolean } } | undefined)?.recruiting;
  if (rights) return rights.manage ?? false;
  return mine?.role !== "viewer";
}
