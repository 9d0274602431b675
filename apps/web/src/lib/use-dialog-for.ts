import { useState } from "react";

/**
 * A dialog about one item. The item outlives `opened`, so the dialog's text
 * doesn't blank or flip while it fades out.
 */
export function useDialogFor<T>() {
  const [item, setItem] = useState<T | null>(null);
  const [opened, setOpened] = useState(false);
  return {
    item,
    opened,
    open: (next: T) => {
      setItem(next);
      setOpened(true);
    },
    close: () => setOpened(false),
  };
}
