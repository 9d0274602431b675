import { Button, Grid, Paper, Text, useMantineTheme } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconPencilPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useParams } from "react-router";
import { PageHeader } from "../../components/page-header";
import { useCurrentUser } from "../auth/current-user";
import { ConversationList } from "./conversation-list";
import { NewMessageModal } from "./new-message-modal";
import { Thread } from "./thread";

/** /messages and /messages/:id: the conversation list beside the open thread (one or the other on a phone). */
export function InboxPage() {
  const { id } = useParams();
  const { user } = useCurrentUser();
  const [composing, setComposing] = useState(false);
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.md})`, true, { getInitialValueInEffect: false });
  const newButton = (
    <Button leftSection={<IconPencilPlus size={16} />} onClick={() => setComposing(true)}>
      New message
    </Button>
  );
  const list = <ConversationList activeId={id} myId={user.id} newButton={newButton} />;
  const thread = id ? (
    <Thread key={id} id={id} myId={user.id} showBack={!wide} />
  ) : (
    <Text c="dimmed" ta="center" py="xl">
      Pick a conversation, or start a new one.
    </Text>
  );
  return (
    <>
      <PageHeader title="Messages" description="Direct messages with the people you share an account with." actions={newButton} />
      {wide ? (
        <Grid>
          <Grid.Col span={4}>{list}</Grid.Col>
          <Grid.Col span={8}>
            <Paper withBorder p="md" radius="md">
              {thread}
            </Paper>
          </Grid.Col>
        </Grid>
      ) : id ? (
        thread
      ) : (
        list
      )}
      <NewMessageModal opened={composing} onClose={() => setComposing(false)} />
    </>
  );
}
