import { Tooltip } from "@mantine/core";
import type { DeferredPopupProps } from "./deferred";

/** The Tooltip half of HoverHint, in its own chunk. */
export function HintTooltip({ label, trigger, defaultOpened, multiline }: DeferredPopupProps & { label: string; multiline?: boolean }) {
  return (
    <Tooltip label={label} defaultOpened={defaultOpened} multiline={multiline} maw={multiline ? 280 : undefined}>
      {trigger}
    </Tooltip>
  );
}
