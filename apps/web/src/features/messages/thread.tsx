import { ActionIcon, Anchor, Group, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { trpc } from "../../lib/trpc";
import { nameOf } from "./conversation-list";
import { ThreadView } from "./thread-view";
import { useDeleteMessage, useMarkRead, useSendMessage, useThread } from "./use-messages";

/** Where the subject lives in the SPA; an application's page is the HR portal's for members of the employer's account, else the candidate's. */
function subjectPath(subject: { type: "document" | "job" | "application"; id: string }, inMyAccount: boolean): string {
  if (subject.type === "application") return inMyAccount ? `/recruiting/applications/${subject.id}` : `/candidate/applications/${subject.id}`;
  return `/${subject.type === "document" ? "documents" : "jobs"}/${subject.id}`;
}

/** One conversation of the inbox: the other person and what it is about, then the shared thread. */
export function Thread({ id, myId, showBack }: { id: string; myId: string; showBack: boolean }) {
  const memberships = useQuery(trpc.accounts.memberships.queryOptions());
  const thread = useThread(id);
  const send = useSendMessage();
  const markRead = useMarkRead();
  const remove = useDeleteMessage();
  const conversation = thread.data?.conversation;
  const other = conversation ? nameOf(conversation.otherUser) : "";
  const header = conversation && (
    <Group gap="xs">
      {showBack && (
        <ActionIcon component={Link} to="/messages" variant="subtle" aria-label="Back to conversations">
          <IconArrowLeft size={18} />
        </ActionIcon>
      )}
      <Title order={3} size="h4">
        {other}
      </Title>
      {conversation.subject && (
        <Anchor component={Link} to={subjectPath(conversation.subject, memberships.data?.accounts.some((a) => a.id === conversation.accountId) ?? false)} size="sm">
          About this {conversation.subject.type}
        </Anchor>
      )}
    </Group>
  );
  return (
    // The inbox keys this by conversation, so a new one starts with an empty draft and nothing marked.
    <ThreadView
      thread={thread}
      myId={myId}
      header={header}
      logLabel={`Messages with ${other}`}
      errorTitle="Couldn't load this conversation"
      composerLabel={`Message ${other}`}
      sending={send.isPending}
      onSend={(content) => send.mutateAsync({ receiverId: conversation?.otherUser.id ?? "", conversationId: id, content })}
      onMarkRead={() => markRead.mutate({ id })}
      onDelete={(messageId) => remove.mutate({ id: messageId })}
      logStyle={{ minHeight: 240, maxHeight: "60vh" }}
      autoFocus
    />
  );
}
