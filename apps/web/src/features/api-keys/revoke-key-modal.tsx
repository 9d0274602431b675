import { Button, Group, Modal, Text } from "@mantine/core";
import type { ApiKey } from "../../lib/trpc";
import { useRevokeApiKey } from "./use-api-keys";

/** Confirmation before revoking: scripts using the key break at once, and it can't be undone. */
// `apiKey` outlives `opened` (the page clears it later) so the text doesn't blank while the dialog fades out.
export function RevokeKeyModal({ apiKey, opened, onClose }: { apiKey: ApiKey | null; opened: boolean; onClose: () => void }) {
  const revoke = useRevokeApiKey();
  const confirm = () => {
    if (apiKey) revoke.mutate({ id: apiKey.id }, { onSuccess: onClose });
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Revoke API key" centered>
      <Text size="sm">
        Revoke <b>{apiKey?.name}</b>? Anything using this key stops working immediately. This can't be undone.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" onClick={confirm} loading={revoke.isPending}>
          Revoke key
        </Button>
      </Group>
    </Modal>
  );
}
