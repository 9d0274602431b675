import { Anchor, Badge, Group, Paper, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { DndContext, KeyboardSensor, PointerSensor, useDndContext, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { Link } from "react-router";
import { APPLICATION_STATUSES, PIPELINE_MOVES, type TApplication, type TApplicationStatus, type TPipelineStage } from "@atrium/sdk";
import { notifyError } from "../../lib/notify";
import { scoreLabel, STAGE_COLORS, STAGE_LABELS } from "./application-labels";
import { StageMenu } from "./stage-menu";
import { useMoveApplication } from "./use-applications";

/** Can `app` be dropped on `to`? Only the pipeline's allowed moves; the candidate's withdraw is theirs. */
const canMove = (app: TApplication, to: TApplicationStatus): to is TPipelineStage => to !== "withdrawn" && PIPELINE_MOVES[app.status].includes(to);

interface Moves {
  onMove: (app: TApplication, to: TPipelineStage) => void;
  /** The card whose move the api is answering: it can't be moved again until then. */
  movingId: string | undefined;
}

function Card({ app, manage, onMove, movingId }: { app: TApplication; manage: boolean } & Moves) {
  const moving = movingId === app.id;
  const drag = useDraggable({ id: app.id, data: app, disabled: !manage || moving || PIPELINE_MOVES[app.status].length === 0 });
  const style = drag.transform ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)`, zIndex: 10 } : undefined;
  return (
    <Paper ref={drag.setNodeRef} withBorder radius="sm" p="xs" style={style} data-testid="application-card" data-status={app.status} aria-label={`Application of ${app.candidateName}`}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        {/* The handle is the name's row: links and the menu stay clickable. */}
        <Text size="sm" fw={500} truncate="end" {...drag.listeners} {...drag.attributes} style={{ cursor: manage ? "grab" : undefined, flex: 1 }}>
          {app.candidateName}
        </Text>
        {manage && <StageMenu compact name={app.candidateName} status={app.status} loading={moving} onMove={(to) => onMove(app, to)} />}
      </Group>
      <Group gap={6} mt={4}>
        <Badge size="xs" variant="light" color={app.match.score === null ? "gray" : "teal"} data-testid="match-score">
          {`Match ${scoreLabel(app.match)}`}
        </Badge>
        {/* blue.8: small text needs the darker blue for 4.5:1 on white. */}
        <Anchor component={Link} to={`/recruiting/applications/${app.id}`} size="xs" c="blue.8" aria-label={`Open ${app.candidateName}'s application`}>
          Open
        </Anchor>
      </Group>
    </Paper>
  );
}

function Column({ status, apps, manage, ...moves }: { status: TApplicationStatus; apps: TApplication[]; manage: boolean } & Moves) {
  const drop = useDroppable({ id: status });
  const dragging = useDndContext().active?.data.current as TApplication | undefined;
  const target = dragging && canMove(dragging, status);
  return (
    <Paper
      ref={drop.setNodeRef}
      withBorder
      radius="md"
      p="sm"
      miw={200}
      w={200}
      bg={drop.isOver && target ? "var(--mantine-color-blue-light)" : undefined}
      role="region"
      aria-label={`${STAGE_LABELS[status]} column`}
      data-testid={`stage-${status}`}
    >
      <Group justify="space-between" mb="xs">
        <Title order={5}>{STAGE_LABELS[status]}</Title>
        <Badge size="sm" variant="light" color={STAGE_COLORS[status]}>
          {apps.length}
        </Badge>
      </Group>
      <Stack gap="xs">
        {apps.map((a) => (
          <Card key={a.id} app={a} manage={manage} {...moves} />
        ))}
      </Stack>
    </Paper>
  );
}

/** Columns per stage; drag a card to another column (or use its "Move to" menu). Moves the pipeline refuses don't drop. */
export function ApplicationBoard({ apps, manage }: { apps: TApplication[]; manage: boolean }) {
  const move = useMoveApplication();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));
  const onMove = (app: TApplication, to: TPipelineStage) =>
    move.mutate({ id: app.id, from: app.status, to, name: app.candidateName }, { onError: (error) => notifyError(error, `Couldn't move ${app.candidateName}`) });
  const movingId = move.isPending ? move.variables.id : undefined;
  const onDragEnd = (e: DragEndEvent) => {
    const app = e.active.data.current as TApplication | undefined;
    const to = e.over?.id as TApplicationStatus | undefined;
    if (app && to && to !== app.status && canMove(app, to)) onMove(app, to);
  };
  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="application-board">
          {APPLICATION_STATUSES.map((s) => (
            <Column key={s} status={s} apps={apps.filter((a) => a.status === s)} manage={manage} onMove={onMove} movingId={movingId} />
          ))}
        </Group>
      </ScrollArea>
    </DndContext>
  );
}
