import { Button } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { PageHeader } from "../../components/page-header";
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

  return (
    <>
      <PageHeader title="API keys" description="Named, revocable keys for the SDK, the CLI and the REST API." actions={createButton} />
      <ApiKeysTable query={keys} onRevoke={askRevoke} createButton={createButton} />
      <CreateKeyModal opened={creating} onClose={() => setCreating(false)} />
      <RevokeKeyModal apiKey={revoking} opened={revokeOpened} onClose={revokeDialog.close} />
    </>
  );
}
