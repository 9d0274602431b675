import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import type { Column } from "./data-table";
import { DateCell } from "./date-cell";
import { UserCell } from "./user-cell";

interface MemberLike {
  userId: string;
  username: string;
  displayName: string | null;
  email?: string;
  joinedAt: string;
}

interface MemberColumnsOptions<M> {
  /** The signed-in user: their row says "You" and offers Leave instead of Remove. */
  selfId: string;
  roleHeader: string;
  roleWidth: number;
  role: (member: M) => ReactNode;
  action: (member: M, self: boolean) => ReactNode;
}

/** Member, role, joined, action: the columns of an organization's and a team's members alike. */
export function memberColumns<M extends MemberLike>({ selfId, roleHeader, roleWidth, role, action }: MemberColumnsOptions<M>): Column<M>[] {
  return [
    {
      header: "Member",
      cell: (m) => <UserCell username={m.username} displayName={m.displayName} email={m.email} badge={m.userId === selfId && <Badge size="xs" variant="light">You</Badge>} />,
    },
    { header: roleHeader, th: { w: roleWidth }, cell: role },
    { header: "Joined", th: { w: 140 }, cell: (m) => <DateCell iso={m.joinedAt} /> },
    { th: { w: 110 }, td: { ta: "right" }, cell: (m) => action(m, m.userId === selfId) },
  ];
}
