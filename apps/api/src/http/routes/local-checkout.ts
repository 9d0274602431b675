import type { Request, Response } from "express";
import { ServiceError, stripeBillingService } from "@atrium/core";
import type { Context } from "../../trpc/context.js";
import { defineRawRoute } from "./raw-route.js";
import { STRIPE_WEBHOOK_PATH } from "./stripe-webhook.js";

/** Mounted under /api: the local stand-in for Stripe's hosted checkout (no STRIPE_SECRET_KEY, never in production). */
export const LOCAL_CHECKOUT_PATH = "/billing/local-checkout/:sessionId";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const STYLE = `body{font-family:system-ui,sans-serif;background:#f1f3f5;color:#212529;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:32px;width:min(420px,90vw)}
h1{font-size:20px;margin:0 0 4px}.muted{color:#868e96;font-size:14px}.amount{font-size:40px;font-weight:700;margin:20px 0}
.row{display:flex;gap:12px;margin-top:24px}button,.button{flex:1;font:inherit;font-weight:600;padding:12px;border-radius:8px;border:1px solid #ced4da;background:#fff;color:#495057;text-align:center;text-decoration:none;cursor:pointer}
button.pay{background:#228be6;border-color:#228be6;color:#fff}form{flex:1;display:flex;margin:0}.note{margin-top:20px;font-size:12px;color:#adb5bd}`;

/** Plain HTML, inline CSS, no script: the api's CSP allows no inline scripts here, and none are needed. */
function page(res: Response, status: number, title: string, body: string, formTarget?: string) {
  // Only this page's own styles, and forms may go to the api and back to the SPA.
  const formAction = ["'self'", formTarget].filter(Boolean).join(" ");
  res.setHeader("Content-Security-Policy", `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`);
  res.setHeader("Cache-Control", "no-store");
  res
    .status(status)
    .type("html")
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`);
}

function errorPage(res: Response, err: unknown, ctx: Context) {
  if (err instanceof ServiceError) {
    const status = err.code === "NOT_FOUND" ? 404 : 400;
    return page(res, status, "Checkout unavailable", `<h1>Checkout unavailable</h1><p>${escape(err.message)}</p><div class="row"><a class="button" href="${escape(ctx.svc.config.PUBLIC_URL)}/billing">Back to billing</a></div>`);
  }
  ctx.logger.error({ err }, "local checkout failed");
  return page(res, 500, "Checkout failed", `<h1>Something went wrong</h1><p>The payment was not recorded. Try again.</p>`);
}

function checkoutBody(v: stripeBillingService.LocalCheckoutView) {
  const action = `/api/billing/local-checkout/${encodeURIComponent(v.sessionId)}/confirm`;
  return `<h1>Top up your balance</h1>
<div class="muted">${escape(v.accountName)} · <code>${escape(v.accountId)}</code></div>
<div class="amount">${escape(v.amountLabel)}</div>
<div class="muted">Local test checkout: no card is charged. Confirming sends a signed <code>checkout.session.completed</code> to the webhook, as Stripe would.</div>
<div class="row">
<a class="button" href="${escape(v.cancelUrl)}">Cancel</a>
<form method="post" action="${escape(action)}"><button class="pay" type="submit">Pay ${escape(v.amountLabel)}</button></form>
</div>
<div class="note">Expires ${escape(v.expiresAt.toISOString())}</div>`;
}

/** The webhook as this very server listens for it: the request arrived on that address and port. */
function loopbackWebhookUrl(req: Request): string {
  const address = req.socket.localAddress ?? "127.0.0.1";
  const host = address.includes(":") ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}/api${STRIPE_WEBHOOK_PATH}`;
}

// The page is HTML for a browser, so its own refusals are pages too; the pipeline's (429) stay JSON.
const checkoutPage = defineRawRoute({
  method: "get",
  path: LOCAL_CHECKOUT_PATH,
  procedure: "billing.localCheckout",
  access: "public",
  async handle({ req, res, ctx }) {
    try {
      const view = await stripeBillingService.describeLocalCheckout(ctx.svc, String(req.params.sessionId));
      page(res, 200, `Pay ${view.amountLabel}`, checkoutBody(view), new URL(ctx.svc.config.PUBLIC_URL).origin);
    } catch (err) {
      errorPage(res, err, ctx);
    }
  },
});

// "Pay": the same signed event Stripe would send, over HTTP to our own webhook; the session id keeps a second click from crediting again.
const checkoutConfirm = defineRawRoute({
  method: "post",
  path: `${LOCAL_CHECKOUT_PATH}/confirm`,
  procedure: "billing.localCheckoutConfirm",
  access: "public",
  async handle({ req, res, ctx }) {
    try {
      const view = await stripeBillingService.describeLocalCheckout(ctx.svc, String(req.params.sessionId));
      const { eventId, payload, signature } = stripeBillingService.buildLocalCheckoutEvent(ctx.svc, view);
      const delivered = await fetch(loopbackWebhookUrl(req), {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body: payload,
        signal: AbortSignal.timeout(15_000),
      });
      if (!delivered.ok) throw new Error(`webhook answered ${delivered.status} to ${eventId}: ${await delivered.text()}`);
      res.redirect(303, view.successUrl);
    } catch (err) {
      errorPage(res, err, ctx);
    }
  },
});

export const localCheckoutRoutes = [checkoutPage, checkoutConfirm];
