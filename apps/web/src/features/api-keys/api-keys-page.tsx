import { Button, EmptyState, Paper, Skeleton, Stack } from "@mantine/core";
import { IconKey, IconPlus } from "@tabler/icons-react";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { PageHeader } from "../../components/page-header";
import { QueryError } from "../../components/query-error";
import type { ApiKey } from "../../lib/trpc";
import { ApiKeysTable } from "./api-keys-table";
import { CreateKeyModal } from "./create-key-modal";
import { RevokeKeyModal } from "./revoke-key-modal";
import { useApiKeys } from "./use-api-keys";

export function ApiKeysPage() {
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [revokeOpened, revokeDialog] = useDisclosure(false);
  const askRevoke = (key: ApiKey) => {
    setRevoking(key);
    revokeDialog.open();
  };
  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      Create key
    </Button>
  );

  let content;
  if (keys.isPending) {
    content = (
      <Stack p="md" gap="sm" aria-label="Loading keys">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} h={28} />
        ))}
      </Stack>
    );
  } else if (keys.isError) {
    content = <QueryError error={keys.error} title="Couldn't load your API keys" onRetry={() => void keys.refetch()} />;
  } else if (keys.data.items.length === 0) {
    content = (
      <EmptyState
        py="xl"
        icon={<IconKey size={28} />}
        variant="light"
        title="No API keys yet"
        description="Keys let scripts, the SDK and curl act as you. Create one to get started."
      >
        <EmptyState.Actions>{createButton}</EmptyState.Actions>
      </EmptyState>
    );
  } else {
    content = <ApiKeysTable keys={keys.data.items} onRevoke={askRevoke} />;
  }

  return (
    <>
      <PageHeader title="API keys" description="Named, revocable keys for the SDK, the CLI and the REST API." actions={createButton} />
      <Paper withBorder radius="md" p={keys.isError ? "md" : 0}>
        {content}
      </Paper>
      <CreateKeyModal opened={creating} onClose={() => setCreating(false)} />
      <RevokeKeyModal apiKey={revoking} opened={revokeOpened} onClose={revokeDialog.close} />
    </>
  );
}
