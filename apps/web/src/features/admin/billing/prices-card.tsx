import { ActionIcon, Button, Group, NumberInput, Paper, Skeleton, Table, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { ZUpdatePricesInput } from "@atrium/sdk";
import { QueryError } from "../../../components/query-error";
import { useContractForm } from "../../../lib/form";
import type { Price } from "../../../lib/trpc";
import { usePrices, useUpdatePrice } from "./use-admin-billing";

/** Prices are stored in thousandths of a cent; staff read and type cents (up to 3 decimals). */
const cents = (millicents: number) => `${(millicents / 1000).toLocaleString(undefined, { maximumFractionDigits: 3 })} ¢`;

function PriceEditor({ price, onDone }: { price: Price; onDone: () => void }) {
  const update = useUpdatePrice();
  const form = useContractForm({
    schema: ZUpdatePricesInput,
    initialValues: { cents: price.unitPriceMillicents / 1000 as string | number },
    toInput: ({ cents }) => ({ prices: [{ item: price.item, unit: price.unit, unitPriceMillicents: Math.round(Number(cents) * 1000) }] }),
    // The contract names the price as prices.0.unitPriceMillicents; the input holding it is `cents`.
    fields: ["prices.0.unitPriceMillicents"],
  });
  const value = form.values.cents;
  const save = form.submit(({ prices }) => prices[0] && update.mutate(prices[0], { onSuccess: onDone, onError: form.setServerError }));
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap" align="flex-start">
      <NumberInput
        aria-label={`Price of ${price.item} per ${price.unit}, in cents`}
        size="xs"
        w={140}
        decimalScale={3}
        suffix=" ¢"
        {...form.getInputProps("cents")}
        error={value === "" ? "Enter a price" : (form.errors["prices.0.unitPriceMillicents"] ?? form.formError)}
        data-autofocus
      />
      <Button size="xs" onClick={() => save()} loading={update.isPending} disabled={value === ""}>
        Save
      </Button>
      <Button size="xs" variant="subtle" onClick={onDone}>
        Cancel
      </Button>
    </Group>
  );
}

/** Staff: the price table every estimate and debit uses — LLM tokens per model, compute per job type, storage. */
export function PricesCard() {
  const prices = usePrices();
  const [editing, setEditing] = useState<string | null>(null);
  if (prices.isPending) return <Skeleton h={240} />;
  if (prices.isError) return <QueryError error={prices.error} onRetry={() => void prices.refetch()} />;
  return (
    <Paper withBorder p="md">
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="prices-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th>Per</Table.Th>
              <Table.Th ta="right">Price</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {prices.data.items.map((p) => {
              const key = `${p.item}|${p.unit}`;
              return (
                <Table.Tr key={key} data-testid="price-row">
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {p.item}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.unit}</Table.Td>
                  <Table.Td ta="right">
                    {editing === key ? (
                      <PriceEditor price={p} onDone={() => setEditing(null)} />
                    ) : (
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Text size="sm">{cents(p.unitPriceMillicents)}</Text>
                        <ActionIcon variant="subtle" aria-label={`Edit the price of ${p.item} per ${p.unit}`} onClick={() => setEditing(key)}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt="xs">
        Changes apply to estimates and job runs from now on; runs already charged keep their price.
      </Text>
    </Paper>
  );
}
