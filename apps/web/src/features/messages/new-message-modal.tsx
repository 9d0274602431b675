import { Modal, Select, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useNavigate } from "react-router";
import { Composer } from "./composer";
import { nameOf } from "./conversation-list";
import { useContacts, useSendMessage } from "./use-messages";

/** Pick someone from your accounts and write the first message; the thread opens once it is sent. */
export function NewMessageModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [receiverId, setReceiverId] = useState<string | null>(null);
  const contacts = useContacts(debounced);
  const send = useSendMessage();
  const navigate = useNavigate();
  // One entry per person (someone in two of your accounts is listed once).
  const options = [...new Map((contacts.data?.items ?? []).map((u) => [u.id, { value: u.id, label: u.displayName ? `${u.displayName} (${u.username})` : u.username }])).values()];
  const close = () => {
    setReceiverId(null);
    setSearch("");
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New message">
      <Stack>
        <Select
          label="To"
          placeholder="Search people in your accounts"
          searchable
          data={options}
          value={receiverId}
          onChange={setReceiverId}
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={contacts.isPending ? "Loading…" : "No one by that name in your accounts"}
          data-testid="new-message-to"
        />
        {receiverId && (
          <Composer
            label={`Message ${nameOf(contacts.data?.items.find((u) => u.id === receiverId) ?? { username: "", displayName: null })}`}
            sending={send.isPending}
            onSend={async (content) => {
              const sent = await send.mutateAsync({ receiverId, content });
              close();
              await navigate(`/messages/${sent.conversation.id}`);
            }}
          />
        )}
      </Stack>
    </Modal>
  );
}
