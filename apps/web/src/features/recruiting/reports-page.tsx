import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconChartBar, IconDownload } from "@tabler/icons-react";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { FUNNEL_STAGES, ZRecruitingReportInput } from "@atrium/sdk";
import { PageHeader } from "../../components/page-header";
import { ForbiddenPage } from "../../components/forbidden-page";
import { EmptyView, QueryState } from "../../components/query-state";
import { EmployerPicker } from "./employer-picker";
import { useRecruitingAccess } from "./use-recruiting-access";
import { cleanRange, csvUrl, useFunnelReport, useSourceReport, useTimeToHireReport, type ReportRange } from "./use-reports";

// Charts pull in recharts: their own chunk, fetched once there is something to draw.
const FunnelChart = lazy(() => import("./report-charts").then((m) => ({ default: m.FunnelChart })));
const TimeToHireChart = lazy(() => import("./report-charts").then((m) => ({ default: m.TimeToHireChart })));
const SourceChart = lazy(() => import("./report-charts").then((m) => ({ default: m.SourceChart })));

const chartFallback = <Skeleton h={260} />;
const days = (n: number | null) => (n === null ? "—" : `${n} d`);

function ReportCard({ title, csv, children }: { title: string; csv: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Button component="a" href={csv} download size="compact-sm" variant="light" leftSection={<IconDownload size={14} />}>
          CSV
        </Button>
      </Group>
      {children}
    </Paper>
  );
}

const emptyReport = (what: string) => <EmptyView icon={<IconChartBar size={28} />} title={`No ${what} yet`} description="Reports fill in as candidates apply and move through your pipeline." />;

/** Pipeline funnel, time to hire and sources of candidates, as charts, tables and CSV downloads, over an optional range. */
export function ReportsPage() {
  const access = useRecruitingAccess();
  // What the fields say, and the last range the contract accepts: the reports stay on that one while
  // the fields say something the api would refuse, and the field says why.
  const [draft, setDraft] = useState<ReportRange>({});
  const [dates, setDates] = useState<ReportRange>({});
  const rangeError = (r: ReportRange) => ZRecruitingReportInput.safeParse(cleanRange(r)).error?.issues[0]?.message;
  const setRange = (next: (r: ReportRange) => ReportRange) => {
    const r = next(draft);
    setDraft(r);
    if (!rangeError(r)) setDates(r);
  };
  const range = { ...dates, accountId: access.account?.id ?? "" };
  const funnel = useFunnelReport(range);
  const hires = useTimeToHireReport(range);
  const sources = useSourceReport(range);
  if (!access.loading && !access.read) {
    return <ForbiddenPage title="Recruiting is for your hiring team" description="Ask an admin of your account for the recruiter or hiring manager role." />;
  }
  return (
    <>
      <PageHeader
        title="Recruiting reports"
        description={`${access.account ? `${access.account.name}: counted` : "Counted"} over the applications that arrived in the range (all of them when it is empty).`}
        actions={<EmployerPicker access={access} />}
      />
      <Group mb="md" align="flex-end">
        <TextInput type="date" label="From" value={draft.from ?? ""} onChange={(e) => setRange((r) => ({ ...r, from: e.currentTarget.value || undefined }))} />
        <TextInput type="date" label="To" value={draft.to ?? ""} error={rangeError(draft)} onChange={(e) => setRange((r) => ({ ...r, to: e.currentTarget.value || undefined }))} />
      </Group>
      <Stack gap="md">
        <ReportCard title="Pipeline funnel" csv={csvUrl("funnel", range)}>
          <QueryState query={funnel} errorTitle="Couldn't load the funnel" isEmpty={(r) => r.total.applied === 0} empty={emptyReport("applications")}>
            {(r) => (
              <Stack>
                <Suspense fallback={chartFallback}>
                  <FunnelChart report={r} />
                </Suspense>
                <Table.ScrollContainer minWidth={640}>
                  <Table data-testid="funnel-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Posting</Table.Th>
                        {FUNNEL_STAGES.map((s) => (
                          <Table.Th key={s} ta="right" tt="capitalize">
                            {s}
                          </Table.Th>
                        ))}
                        <Table.Th ta="right">Rejected</Table.Th>
                        <Table.Th ta="right">Withdrawn</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {r.items.map((p) => (
                        <Table.Tr key={p.postingId}>
                          <Table.Td>{p.postingTitle}</Table.Td>
                          {FUNNEL_STAGES.map((s) => (
                            <Table.Td key={s} ta="right">
                              {p[s]}
                            </Table.Td>
                          ))}
                          <Table.Td ta="right">{p.rejected}</Table.Td>
                          <Table.Td ta="right">{p.withdrawn}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            )}
          </QueryState>
        </ReportCard>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ReportCard title="Time to hire" csv={csvUrl("time-to-hire", range)}>
            <QueryState query={hires} errorTitle="Couldn't load time to hire" isEmpty={(r) => r.overall.hires === 0} empty={emptyReport("hires")}>
              {(r) => (
                <Stack>
                  <Text size="sm" data-testid="time-to-hire-overall">
                    {r.overall.hires} hire{r.overall.hires === 1 ? "" : "s"}: median {days(r.overall.medianDays)}, average {days(r.overall.averageDays)}
                  </Text>
                  <Suspense fallback={chartFallback}>
                    <TimeToHireChart report={r} />
                  </Suspense>
                </Stack>
              )}
            </QueryState>
          </ReportCard>
          <ReportCard title="Source of candidates" csv={csvUrl("sources", range)}>
            <QueryState query={sources} errorTitle="Couldn't load the sources" isEmpty={(r) => r.items.every((i) => i.applications === 0)} empty={emptyReport("applications")}>
              {(r) => (
                <Suspense fallback={chartFallback}>
                  <SourceChart report={r} />
                </Suspense>
              )}
            </QueryState>
          </ReportCard>
        </SimpleGrid>
      </Stack>
    </>
  );
}
