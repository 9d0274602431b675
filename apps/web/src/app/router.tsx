import { createBrowserRouter, type RouteObject } from "react-router";
import { AuditLogPage } from "../features/admin/audit/audit-log-page";
import { AdminJobsPage } from "../features/admin/jobs/admin-jobs-page";
import { FlagsPage } from "../features/admin/flags/flags-page";
import { InviteKeysPage } from "../features/admin/invite-keys/invite-keys-page";
import { OutboxPage } from "../features/admin/outbox/outbox-page";
import { RequireStaff } from "../features/admin/require-staff";
import { SystemHealthPage } from "../features/admin/system/system-health-page";
import { AdminUsersPage } from "../features/admin/users/admin-users-page";
import { ApiKeysPage } from "../features/api-keys/api-keys-page";
import { ForgotPasswordPage } from "../features/auth/forgot-password-page";
import { LoginPage } from "../features/auth/login-page";
import { RequireAuth } from "../features/auth/require-auth";
import { ResetPasswordPage } from "../features/auth/reset-password-page";
import { SignupPage } from "../features/auth/signup-page";
import { VerifyEmailPage } from "../features/auth/verify-email-page";
import { BillingPage } from "../features/billing/billing-page";
import { DocumentPage } from "../features/documents/document-page";
import { DocumentsPage } from "../features/documents/documents-page";
import { JobPage } from "../features/jobs/job-page";
import { JobsPage } from "../features/jobs/jobs-page";
import { HomePage } from "../features/dashboard/home-page";
import { CurrentOrganizationPage } from "../features/organizations/current-organization-page";
import { OrganizationPage } from "../features/organizations/organization-page";
import { ProfilePage } from "../features/profile/profile-page";
import { AppLayout } from "../features/shell/app-layout";
import { TeamPage } from "../features/teams/team-page";
import { NotFoundPage } from "./not-found-page";
import { RouteErrorPage } from "./route-error-page";

const routes: RouteObject[] = [
  { path: "/login", element: <LoginPage /> },
  { path: "/signup", element: <SignupPage /> },
  { path: "/forgot-password", element: <ForgotPasswordPage /> },
  { path: "/reset-password", element: <ResetPasswordPage /> },
  { path: "/verify-email", element: <VerifyEmailPage /> },
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: "profile", element: <ProfilePage /> },
      { path: "api-keys", element: <ApiKeysPage /> },
      { path: "billing", element: <BillingPage /> },
      { path: "documents", element: <DocumentsPage /> },
      { path: "documents/:id", element: <DocumentPage /> },
      { path: "jobs", element: <JobsPage /> },
      { path: "jobs/:id", element: <JobPage /> },
      { path: "org", element: <CurrentOrganizationPage /> },
      { path: "organizations/:id", element: <OrganizationPage /> },
      { path: "organizations/:orgId/teams/:teamId", element: <TeamPage /> },
      {
        path: "admin",
        element: <RequireStaff />,
        children: [
          { index: true, element: <AdminUsersPage /> },
          { path: "users", element: <AdminUsersPage /> },
          { path: "invite-keys", element: <InviteKeysPage /> },
          { path: "audit", element: <AuditLogPage /> },
          { path: "outbox", element: <OutboxPage /> },
          { path: "jobs", element: <AdminJobsPage /> },
          { path: "system", element: <SystemHealthPage /> },
          { path: "flags", element: <FlagsPage /> },
          // Lazy: its charts (recharts) are a big chunk only staff ever need.
          { path: "billing", lazy: () => import("../features/admin/billing/admin-billing-page").then((m) => ({ Component: m.AdminBillingPage })) },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

// One pathless parent: every route's errors land on the friendly page, not the router's developer screen.
export const router = createBrowserRouter([{ errorElement: <RouteErrorPage />, children: routes }]);
