import { ActionIcon, Button, Menu } from "@mantine/core";
import { IconArrowsRightLeft, IconChevronDown } from "@tabler/icons-react";
import { PIPELINE_MOVES, type TApplicationStatus, type TPipelineStage } from "@atrium/sdk";
import { STAGE_LABELS } from "./application-labels";

interface StageMenuProps {
  name: string;
  status: TApplicationStatus;
  onMove: (to: TPipelineStage) => void;
  loading?: boolean;
  /** A full button (the application page) or an icon (a board card). */
  compact?: boolean;
}

/** "Move to …": the keyboard's and screen reader's way along the pipeline (the board's drag does the same). */
export function StageMenu({ name, status, onMove, loading, compact }: StageMenuProps) {
  const moves = PIPELINE_MOVES[status].filter((s): s is TPipelineStage => s !== "withdrawn");
  if (moves.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {compact ? (
          <ActionIcon variant="subtle" size="sm" aria-label={`Move ${name}`} loading={loading}>
            <IconArrowsRightLeft size={16} />
          </ActionIcon>
        ) : (
          // Its visible words are its name (axe: label-content-name-mismatch); the page names the candidate.
          <Button variant="light" rightSection={<IconChevronDown size={16} />} loading={loading}>
            Move to
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Move to</Menu.Label>
        {moves.map((to) => (
          <Menu.Item key={to} onClick={() => onMove(to)}>
            {`Move to ${STAGE_LABELS[to]}`}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
