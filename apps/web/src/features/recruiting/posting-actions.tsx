import { Button, Group } from "@mantine/core";
import type { Posting } from "../../lib/trpc";
import { useClosePosting, usePublishPosting } from "./use-postings";

/** Publish a draft (or reopen a closed posting), close a published one; for members who may manage recruiting. */
export function PostingActions({ posting, size = "compact-sm" }: { posting: Posting; size?: "compact-sm" | "sm" }) {
  const publish = usePublishPosting();
  const close = useClosePosting();
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {posting.status !== "published" && (
        <Button size={size} variant={size === "sm" ? "filled" : "light"} loading={publish.isPending} onClick={() => publish.mutate({ id: posting.id })}>
          {posting.status === "closed" ? "Reopen" : "Publish"}
        </Button>
      )}
      {posting.status === "published" && (
        <Button size={size} variant={size === "sm" ? "default" : "subtle"} color="orange" loading={close.isPending} onClick={() => close.mutate({ id: posting.id })}>
          Close
        </Button>
      )}
    </Group>
  );
}
