import type { TEmailTemplate } from "./email.schema.js";

export interface TemplateData {
  welcome: { username: string; loginUrl: string };
  password_reset: { username: string; resetUrl: string; expiresInMinutes: number };
  organization_invitation: { organizationName: string; inviterName: string; role: string; acceptUrl: string; expiresInDays: number };
  verify_email: { username: string; verifyUrl: string; expiresInHours: number };
  low_balance: { accountName: string; balance: string; threshold: string; policy: string; billingUrl: string };
  payment_failed: { accountName: string; amountDue: string; billingUrl: string; invoiceUrl: string | null };
  /** Any notification whose kind has no email of its own (notifications/). */
  notification: { title: string; body: string; actionUrl: string | null; preferencesUrl: string };
  /** The delayed digest of unread conversations (notifications/message-digest). */
  /** Recruiting: an application moved to a stage the candidate hears about (seed 002's status email). */
  application_status: { name: string; jobTitle: string; employerName: string; status: "screening" | "interview" | "offer" | "rejected"; applicationUrl: string };
  message_digest: { username: string; conversations: Array<{ name: string; unreadCount: number; snippet: string }>; inboxUrl: string; unsubscribeUrl: string };
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

interface Body {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footnote?: string;
  /** A one-click link that stops this kind of email (shown under the footnote). */
  unsubscribe?: { label: string; url: string };
}

/** One layout for every email: the same words in HTML and in plain text. */
function layout(b: Body): RenderedEmail {
  const button = b.action
    ? `<p style="margin:24px 0"><a href="${escape(b.action.url)}" style="background:#228be6;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escape(b.action.label)}</a></p>`
    : "";
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;background:#f8f9fa;padding:24px;color:#212529">
<div style="max-width:560px;margin:auto;background:#fff;border-radius:8px;padding:32px">
<h1 style="font-size:20px;margin-top:0">${escape(b.heading)}</h1>
${b.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
${button}
${b.footnote ? `<p style="color:#868e96;font-size:13px">${escape(b.footnote)}</p>` : ""}
${b.unsubscribe ? `<p style="color:#868e96;font-size:12px"><a href="${escape(b.unsubscribe.url)}" style="color:#868e96">${escape(b.unsubscribe.label)}</a></p>` : ""}
<p style="color:#adb5bd;font-size:12px">Atrium</p></div></body></html>`;
  const text = [b.heading, "", ...b.paragraphs.flatMap((p) => [p, ""]), ...(b.action ? [`${b.action.label}: ${b.action.url}`, ""] : []), ...(b.footnote ? [b.footnote, ""] : []), ...(b.unsubscribe ? [`${b.unsubscribe.label}: ${b.unsubscribe.url}`, ""] : []), "— Atrium"].join("\n");
  return { subject: b.subject, html, text };
}

const TEMPLATES: { [K in TEmailTemplate]: (d: TemplateData[K]) => RenderedEmail } = {
  welcome: (d) =>
    layout({
      subject: "Welcome to Atrium",
      heading: `Welcome, ${d.username}!`,
      paragraphs: ["Your account is ready. Sign in to create an organization, invite your team and get to work."],
      action: { label: "Sign in", url: d.loginUrl },
    }),
  password_reset: (d) =>
    layout({
      subject: "Reset your Atrium password",
      heading: "Reset your password",
      paragraphs: [`Hi ${d.username}, someone (hopefully you) asked to reset your password.`],
      action: { label: "Choose a new password", url: d.resetUrl },
      footnote: `The link works once and expires in ${d.expiresInMinutes} minutes. If you didn't ask for it, ignore this email.`,
    }),
  organization_invitation: (d) =>
    layout({
      subject: `${d.inviterName} invited you to ${d.organizationName} on Atrium`,
      heading: `Join ${d.organizationName}`,
      paragraphs: [
        `${d.inviterName} invited you to join ${d.organizationName} as ${d.role}.`,
        "New to Atrium? The link lets you sign up with this address. Already have an account with it? Sign in and accept the invitation there.",
      ],
      action: { label: "Accept the invitation", url: d.acceptUrl },
      footnote: `The invitation expires in ${d.expiresInDays} days.`,
    }),
  verify_email: (d) =>
    layout({
      subject: "Confirm your email address for Atrium",
      heading: "Confirm your email address",
      paragraphs: [`Hi ${d.username}, please confirm that this address is yours. Invitations to organizations can only be accepted from a confirmed address.`],
      action: { label: "Confirm my address", url: d.verifyUrl },
      footnote: `The link works once and expires in ${d.expiresInHours} hours. If you didn't create an Atrium account or change your address, ignore this email.`,
    }),
  low_balance: (d) =>
    layout({
      subject: `Your Atrium balance is low (${d.balance})`,
      heading: `${d.accountName}: balance ${d.balance}`,
      paragraphs: [
        `The prepaid balance of ${d.accountName} fell below your threshold of ${d.threshold}.`,
        d.policy === "block"
          ? "Jobs whose estimated cost exceeds the balance will be refused until you top up."
          : d.policy === "limited"
            ? "Only inexpensive job types will run until you top up."
            : "Jobs keep running, but the balance may go negative; top up to avoid interruptions.",
      ],
      action: { label: "Top up", url: d.billingUrl },
      footnote: "You get this email once each time the balance drops below the threshold.",
    }),
  payment_failed: (d) =>
    layout({
      subject: `Payment failed for ${d.accountName} on Atrium`,
      heading: "A payment failed",
      paragraphs: [
        `We couldn't collect ${d.amountDue} for ${d.accountName}'s subscription.`,
        "Update the payment method or pay the invoice to keep the subscription active; Stripe retries the charge automatically.",
        ...(d.invoiceUrl ? [`Invoice: ${d.invoiceUrl}`] : []),
      ],
      action: { label: "Open billing", url: d.billingUrl },
    }),
  notification: (d) =>
    layout({
      subject: d.title,
      heading: d.title,
      paragraphs: [d.body],
      ...(d.actionUrl ? { action: { label: "Open in Atrium", url: d.actionUrl } } : {}),
      footnote: `Choose which notifications reach you by email: ${d.preferencesUrl}`,
    }),
  application_status: (d) =>
    layout({
      subject: `Application Update: ${d.jobTitle}`,
      heading: `Hi ${d.name},`,
      paragraphs: [`${APPLICATION_STATUS_MESSAGES[d.status]}.`, `Position: ${d.jobTitle} at ${d.employerName}`],
      action: { label: "View your application", url: d.applicationUrl },
      footnote: "Sign in to see the details and message the recruiters.",
    }),
  message_digest: (d) => {
    const total = d.conversations.reduce((n, c) => n + c.unreadCount, 0);
    return layout({
      subject: `${total} unread message${total === 1 ? "" : "s"} on Atrium`,
      heading: `Hi ${d.username}, you have unread messages`,
      paragraphs: d.conversations.map((c) => `${c.name} (${c.unreadCount} unread): “${c.snippet}”`),
      action: { label: "Open your inbox", url: d.inboxUrl },
      footnote: "We send one email for all conversations you haven't read, a while after the first unread message.",
      unsubscribe: { label: "Stop emails about new messages", url: d.unsubscribeUrl },
    });
  },
};

/** Seed 002's `application_status_email` wording, per stage. */
const APPLICATION_STATUS_MESSAGES: Record<TemplateData["application_status"]["status"], string> = {
  screening: "Your application is being reviewed",
  interview: "Congratulations! You've been selected for an interview",
  offer: "Great news! You have received a job offer",
  rejected: "Thank you for your interest. Unfortunately, we've decided to move forward with other candidates",
};

export function renderEmail<T extends TEmailTemplate>(template: T, data: TemplateData[T]): RenderedEmail {
  return TEMPLATES[template](data);
}
