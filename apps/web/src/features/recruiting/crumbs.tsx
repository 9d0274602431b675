import { Anchor, Breadcrumbs, Text } from "@mantine/core";
import { Link } from "react-router";

/** The way back from a recruiting page: its parent as a link, then where you are. */
export function Crumbs({ to, label, current }: { to: string; label: string; current: string }) {
  return (
    <Breadcrumbs mb="md">
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
      <Text size="sm">{current}</Text>
    </Breadcrumbs>
  );
}
