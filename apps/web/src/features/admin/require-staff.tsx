import { Outlet } from "react-router";
import { ForbiddenPage } from "../../components/forbidden-page";
import { useCurrentUser } from "../auth/current-user";

/**
 * The admin area's gate. Only a courtesy: every admin procedure is staff-only
 * on the api, so a non-staff user gets a 403 there whatever this renders.
 */
export function RequireStaff() {
  const { user } = useCurrentUser();
  return user.isStaff ? <Outlet /> : <ForbiddenPage />;
}
