import { useParams } from "react-router";
import { AuthenticatedShell } from "../shell/authenticated-shell";
import { EmployerBoardPage } from "./employer-board-page";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/jobs/:id` means two things: `/jobs/<uuid>` has long been an analysis job's page (links in emails
 * and notifications point there), and `/jobs/<accountSlug>` is an employer's public job board, which
 * must work signed out. A job id is a UUID, a slug is made from an account's name, so the shape decides:
 * the shell (with the job page as this route's child) or the board. (An account named like a UUID would
 * find its board at /jobs/search and its postings' own addresses instead.)
 */
export function JobsSegmentRoute() {
  const { id = "" } = useParams();
  return UUID.test(id) ? <AuthenticatedShell /> : <EmployerBoardPage accountSlug={id} />;
}
