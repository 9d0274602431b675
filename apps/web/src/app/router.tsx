import type { ComponentType } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { FullPageLoader } from "../components/full-page";
import { NotFoundPage } from "./not-found-page";
import { RouteErrorPage } from "./route-error-page";

/**
 * Every page is its own lazy chunk: the first load carries the router, the
 * providers and the one page asked for (login ≈ the form, dashboard ≈ shell +
 * home), never the admin area, charts, date pickers or the dropzone. A chunk
 * gone after a deploy lands on RouteErrorPage, which reloads once.
 */
const page =
  <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });

const routes: RouteObject[] = [
  { path: "/login", lazy: page(() => import("../features/auth/login-page"), (m) => m.LoginPage) },
  { path: "/signup", lazy: page(() => import("../features/auth/signup-page"), (m) => m.SignupPage) },
  { path: "/forgot-password", lazy: page(() => import("../features/auth/forgot-password-page"), (m) => m.ForgotPasswordPage) },
  { path: "/reset-password", lazy: page(() => import("../features/auth/reset-password-page"), (m) => m.ResetPasswordPage) },
  { path: "/verify-email", lazy: page(() => import("../features/auth/verify-email-page"), (m) => m.VerifyEmailPage) },
  { path: "/unsubscribe", lazy: page(() => import("../features/notifications/unsubscribe-page"), (m) => m.UnsubscribePage) },
  // The public job board, signed in or out. Before "/": `/jobs/:id` is an employer's board or (a UUID) the analysis job page, see jobs-segment-route.tsx.
  { path: "/jobs/search", lazy: page(() => import("../features/recruiting/job-search-page"), (m) => m.JobSearchPage) },
  { path: "/jobs/:accountSlug/:postingId", lazy: page(() => import("../features/recruiting/public-posting-page"), (m) => m.PublicPostingPage) },
  {
    path: "/jobs/:id",
    lazy: page(() => import("../features/recruiting/jobs-segment-route"), (m) => m.JobsSegmentRoute),
    children: [{ index: true, lazy: page(() => import("../features/jobs/job-page"), (m) => m.JobPage) }],
  },
  {
    path: "/",
    // The gate and the shell together: signed-out visitors of /login never download the shell.
    lazy: page(() => import("../features/shell/authenticated-shell"), (m) => m.AuthenticatedShell),
    children: [
      { index: true, lazy: page(() => import("../features/dashboard/home-page"), (m) => m.HomePage) },
      { path: "profile", lazy: page(() => import("../features/profile/profile-page"), (m) => m.ProfilePage) },
      { path: "api-keys", lazy: page(() => import("../features/api-keys/api-keys-page"), (m) => m.ApiKeysPage) },
      { path: "settings/notifications", lazy: page(() => import("../features/notifications/notification-settings-page"), (m) => m.NotificationSettingsPage) },
      { path: "billing", lazy: page(() => import("../features/billing/billing-page"), (m) => m.BillingPage) },
      { path: "documents", lazy: page(() => import("../features/documents/documents-page"), (m) => m.DocumentsPage) },
      { path: "documents/:id", lazy: page(() => import("../features/documents/document-page"), (m) => m.DocumentPage) },
      { path: "jobs", lazy: page(() => import("../features/jobs/jobs-page"), (m) => m.JobsPage) },
      { path: "jobs/:id", lazy: page(() => import("../features/jobs/job-page"), (m) => m.JobPage) },
      { path: "candidate/profile", lazy: page(() => import("../features/recruiting/candidate-profile/candidate-profile-page"), (m) => m.CandidateProfilePage) },
      { path: "messages", lazy: page(() => import("../features/messages/inbox-page"), (m) => m.InboxPage) },
      { path: "messages/:id", lazy: page(() => import("../features/messages/inbox-page"), (m) => m.InboxPage) },
      { path: "recruiting/postings", lazy: page(() => import("../features/recruiting/postings-page"), (m) => m.PostingsPage) },
      { path: "recruiting/postings/:postingId", lazy: page(() => import("../features/recruiting/posting-page"), (m) => m.PostingPage) },
      { path: "recruiting/team", lazy: page(() => import("../features/recruiting/hiring-team-page"), (m) => m.HiringTeamPage) },
      { path: "recruiting/applications/:id", lazy: page(() => import("../features/recruiting/application-page"), (m) => m.ApplicationPage) },
      { path: "recruiting/postings/:postingId/applications", lazy: page(() => import("../features/recruiting/posting-applications-page"), (m) => m.PostingApplicationsPage) },
      { path: "candidate/applications", lazy: page(() => import("../features/recruiting/my-applications-page"), (m) => m.MyApplicationsPage) },
      { path: "candidate/applications/:id", lazy: page(() => import("../features/recruiting/my-application-page"), (m) => m.MyApplicationPage) },
      { path: "jobs/:accountSlug/:postingId/apply", lazy: page(() => import("../features/recruiting/apply-page"), (m) => m.ApplyPage) },
      { path: "org", lazy: page(() => import("../features/organizations/current-organization-page"), (m) => m.CurrentOrganizationPage) },
      { path: "organizations/:id", lazy: page(() => import("../features/organizations/organization-page"), (m) => m.OrganizationPage) },
      { path: "organizations/:orgId/teams/:teamId", lazy: page(() => import("../features/teams/team-page"), (m) => m.TeamPage) },
      {
        path: "admin",
        lazy: page(() => import("../features/admin/require-staff"), (m) => m.RequireStaff),
        children: [
          { index: true, lazy: page(() => import("../features/admin/users/admin-users-page"), (m) => m.AdminUsersPage) },
          { path: "users", lazy: page(() => import("../features/admin/users/admin-users-page"), (m) => m.AdminUsersPage) },
          { path: "invite-keys", lazy: page(() => import("../features/admin/invite-keys/invite-keys-page"), (m) => m.InviteKeysPage) },
          { path: "organizations", lazy: page(() => import("../features/admin/organizations/deleted-organizations-page"), (m) => m.DeletedOrganizationsPage) },
          { path: "audit", lazy: page(() => import("../features/admin/audit/audit-log-page"), (m) => m.AuditLogPage) },
          { path: "outbox", lazy: page(() => import("../features/admin/outbox/outbox-page"), (m) => m.OutboxPage) },
          { path: "jobs", lazy: page(() => import("../features/admin/jobs/admin-jobs-page"), (m) => m.AdminJobsPage) },
          { path: "system", lazy: page(() => import("../features/admin/system/system-health-page"), (m) => m.SystemHealthPage) },
          { path: "flags", lazy: page(() => import("../features/admin/flags/flags-page"), (m) => m.FlagsPage) },
          { path: "billing", lazy: page(() => import("../features/admin/billing/admin-billing-page"), (m) => m.AdminBillingPage) },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

// One pathless parent: every route's errors land on the friendly page, not the router's developer screen;
// the loader shows while the first page's chunk downloads.
export const router = createBrowserRouter([{ errorElement: <RouteErrorPage />, hydrateFallbackElement: <FullPageLoader />, children: routes }]);
