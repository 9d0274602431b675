import type { ReactElement } from "react";
import { Deferred } from "./deferred";

const loadTooltip = () => import("./hover-hint").then((m) => m.HintTooltip);

/** A tooltip whose code arrives with the first hover or focus (see Deferred). */
export function Hint({ label, multiline, children }: { label: string; multiline?: boolean; children: ReactElement<Record<string, unknown>> }) {
  return <Deferred trigger={children} load={loadTooltip} props={{ label, multiline }} hover />;
}
