import { Button, Center } from "@mantine/core";

interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  label?: string;
}

/** The "next page" button under every growing list; hidden on the last page. */
export function LoadMore({ hasNextPage, isFetchingNextPage, fetchNextPage, label = "Load more" }: LoadMoreProps) {
  if (!hasNextPage) return null;
  return (
    <Center p="md">
      <Button variant="default" size="sm" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
        {label}
      </Button>
    </Center>
  );
}
