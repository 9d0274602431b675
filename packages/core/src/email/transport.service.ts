import nodemailer from "nodemailer";
import type { Env } from "@atrium/config";

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Where rendered email goes. `outbox` delivers nowhere: the table is the mailbox. */
export interface EmailTransport {
  name: "smtp" | "resend" | "outbox";
  send: (email: OutgoingEmail) => Promise<void>;
  /** Checks the transport can deliver (SMTP: connect and authenticate) without sending anything; for the health page. */
  verify?: () => Promise<void>;
}

export function smtpTransport(url: string): EmailTransport {
  const tx = nodemailer.createTransport(url);
  return { name: "smtp", send: async (e) => void (await tx.sendMail(e)), verify: async () => void (await tx.verify()) };
}

export function resendTransport(apiKey: string, baseUrl: string, fetchImpl: typeof fetch = fetch): EmailTransport {
  return {
    name: "resend",
    send: async (e) => {
      const res = await fetchImpl(`${baseUrl.replace(/\/$/, "")}/emails`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ from: e.from, to: [e.to], subject: e.subject, html: e.html, text: e.text }),
      });
      if (!res.ok) throw new Error(`Resend answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    },
  };
}

export const outboxTransport: EmailTransport = { name: "outbox", send: async () => {} };

/** SMTP when SMTP_URL is set, else Resend when RESEND_API_KEY is, else the outbox. */
export function transportFromConfig(config: Pick<Env, "SMTP_URL" | "RESEND_API_KEY" | "RESEND_API_URL">): EmailTransport {
  if (config.SMTP_URL) return smtpTransport(config.SMTP_URL);
  if (config.RESEND_API_KEY) return resendTransport(config.RESEND_API_KEY, config.RESEND_API_URL);
  return outboxTransport;
}
