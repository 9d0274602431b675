import { useLocalStorage } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { trpc, type MyOrganization } from "../../lib/trpc";
import { useCurrentUser } from "../auth/current-user";

export function useMyMemberships() {
  return useQuery(trpc.accounts.memberships.queryOptions());
}

/**
 * The organization the user is working in: remembered per user in localStorage
 * (people sharing a browser don't inherit each other's choice), falling back
 * to their first organization when the remembered one is gone.
 */
export function useCurrentOrganization() {
  const { user } = useCurrentUser();
  const memberships = useMyMemberships();
  const [storedId, setStoredId] = useLocalStorage<string | null>({
    key: `atrium.organization.${user.id}`,
    defaultValue: null,
    getInitialValueInEffect: false,
  });
  const organizations = memberships.data?.organizations ?? [];
  const current: MyOrganization | null = organizations.find((o) => o.id === storedId) ?? organizations[0] ?? null;
  return { memberships, current, select: setStoredId };
}
