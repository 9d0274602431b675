import { Anchor, Badge, Button, Text } from "@mantine/core";
import { IconBriefcase } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { TMyApplication } from "@atrium/sdk";
import { ConfirmModal } from "../../components/confirm-modal";
import { DataTable, type Column } from "../../components/data-table";
import { DateCell } from "../../components/date-cell";
import { PageHeader } from "../../components/page-header";
import { STAGE_COLORS, STAGE_LABELS } from "./application-labels";
import { useMyApplications, useWithdraw } from "./use-applications";

/** Asks before withdrawing: the employer sees it at once and it can't be undone. */
export function WithdrawButton({ app }: { app: Pick<TMyApplication, "id" | "postingTitle" | "canWithdraw"> }) {
  const [open, setOpen] = useState(false);
  const withdraw = useWithdraw();
  if (!app.canWithdraw) return null;
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={() => setOpen(true)} aria-label={`Withdraw from ${app.postingTitle}`}>
        Withdraw
      </Button>
      <ConfirmModal
        opened={open}
        onClose={() => setOpen(false)}
        onConfirm={() => withdraw.mutate({ id: app.id }, { onSuccess: () => setOpen(false) })}
        title="Withdraw this application?"
        confirmLabel="Withdraw"
        loading={withdraw.isPending}
        error={withdraw.error}
      >
        <Text size="sm">The employer sees at once that you withdrew from {app.postingTitle}. You can't undo it or apply to this posting again.</Text>
      </ConfirmModal>
    </>
  );
}

const COLUMNS: Column<TMyApplication>[] = [
  {
    header: "Position",
    cell: (a) => (
      <>
        <Anchor component={Link} to={`/candidate/applications/${a.id}`} fw={500} size="sm">
          {a.postingTitle}
        </Anchor>
        <Text size="xs" c="dimmed">
          {a.employerName}
        </Text>
      </>
    ),
  },
  {
    header: "Status",
    th: { w: 130 },
    td: (a) => ({ "data-testid": "application-status", "data-status": a.status }),
    cell: (a) => (
      <Badge variant="light" color={STAGE_COLORS[a.status]}>
        {STAGE_LABELS[a.status]}
      </Badge>
    ),
  },
  { header: "Applied", th: { w: 140 }, cell: (a) => <DateCell iso={a.appliedAt} /> },
  { header: "Updated", th: { w: 140 }, cell: (a) => <DateCell iso={a.statusChangedAt} /> },
  { th: { w: 110 }, cell: (a) => <WithdrawButton app={a} /> },
];

/** `/candidate/applications`: where each application stands, live (the employer's moves show at once). */
export function MyApplicationsPage() {
  const apps = useMyApplications();
  return (
    <>
      <PageHeader title="My applications" description="Where each of your applications stands. A change by the employer shows here at once." />
      <DataTable
        query={apps}
        errorTitle="Couldn't load your applications"
        empty={{ icon: <IconBriefcase size={28} />, title: "No applications yet", description: "Find a job on an employer's board and apply with your résumé.", testId: "no-applications" }}
        columns={COLUMNS}
        rowKey={(a) => a.id}
        rowProps={(a) => ({ "data-testid": "my-application-row", "data-status": a.status })}
      />
    </>
  );
}
