import { Button, Center, EmptyState, Loader } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBuildingCommunity, IconPlus } from "@tabler/icons-react";
import { Navigate } from "react-router";
import { QueryError } from "../../components/query-error";
import { CreateOrganizationModal } from "./create-organization-modal";
import { useCurrentOrganization } from "./use-current-organization";

/** /org: the selected organization's page, or a way to make a first one. */
export function CurrentOrganizationPage() {
  const { memberships, current } = useCurrentOrganization();
  const [creating, createDialog] = useDisclosure(false);

  if (memberships.isPending) {
    return (
      <Center py={80}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (memberships.isError) return <QueryError error={memberships.error} title="Couldn't load your organizations" onRetry={() => void memberships.refetch()} />;
  if (current) return <Navigate to={`/organizations/${current.id}`} replace />;
  return (
    <>
      <EmptyState
        py={80}
        icon={<IconBuildingCommunity size={28} />}
        variant="light"
        title="You aren't in an organization yet"
        description="Organizations group people and teams inside your account. Create one, or ask a colleague to invite you."
      >
        <EmptyState.Actions>
          <Button leftSection={<IconPlus size={16} />} onClick={createDialog.open}>
            Create organization
          </Button>
        </EmptyState.Actions>
      </EmptyState>
      <CreateOrganizationModal opened={creating} onClose={createDialog.close} />
    </>
  );
}
