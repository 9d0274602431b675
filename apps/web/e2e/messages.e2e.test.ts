import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, existingUser, homeAccountOf, joinAccount, userNamed } from "@atrium/testing/e2e";
import { e2eSuite, shot } from "./harness.js";

// Issue 12, messaging: two people of one account in two browsers. The sender's message reaches the
// other's thread and unread badge without a reload, and the sender sees "Seen" once it is read; a
// user of another tenant can neither read nor post into the conversation.
const suite = e2eSuite({ env: { RATE_LIMIT_AUTH_PER_MINUTE: "100" } });
// Live changes cross a browser, the api and the event stream: on a loaded machine that takes more than expect.poll's default second.
const LIVE = { timeout: 15_000 };
let admin: Page;
let ben: Page;
let conversationUrl = "";

const HTML = `<img src=x onerror="window.__pwned=1">`;

beforeAll(async () => {
  const stack = suite.stack();
  await existingUser(stack, { username: "ben", password: "ben-password-123", verified: true });
  await joinAccount(stack, { accountId: await homeAccountOf(stack, "admin"), userId: (await userNamed(stack, "ben")).id });
  admin = await suite.adminPage();
  ben = await suite.newPage();
  await suite.signIn(ben, "ben", "ben-password-123");
  await ben.getByRole("heading", { name: /^Welcome/ }).waitFor();
});

const badgeCount = (page: Page) => page.getByTestId("unread-badge").getAttribute("data-count").then(Number);

describe("messages between two people, live", () => {
  it("delivers a new message to the other's open page: badge, list and thread, without a reload", async () => {
    await admin.goto(suite.url("/messages"));
    await admin.getByRole("heading", { name: "Messages" }).waitFor();
    await admin.getByText("No conversations yet").waitFor();
    await admin.getByRole("button", { name: "New message" }).first().click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("To").fill("ben");
    await admin.getByRole("option", { name: "ben" }).click();
    await dialog.getByLabel("Message ben").fill(`Hi Ben, the brief is at https://example.com/brief ${HTML}`);
    await dialog.getByLabel("Message ben").press("Enter");
    await admin.waitForURL((u) => /^\/messages\/[0-9a-f-]{36}$/.test(u.pathname));
    conversationUrl = new URL(admin.url()).pathname;
    await admin.getByTestId("message").filter({ hasText: "the brief is at" }).waitFor();

    // Ben has been sitting on his dashboard the whole time.
    await expect.poll(() => badgeCount(ben)).toBe(1);
    await ben.getByTestId("unread-badge").getByRole("link").click();
    await ben.getByRole("heading", { name: "Messages" }).waitFor();
    const item = ben.getByTestId("conversation").filter({ hasText: "Administrator" });
    await expect.poll(() => item.getAttribute("data-unread")).toBe("1");
    await shot(ben, "messages-unread");
    await item.click();

    const message = ben.getByTestId("message").filter({ hasText: "the brief is at" });
    await message.waitFor();
    // The HTML is text, the URL a link that opens apart from the app.
    expect(await message.innerText()).toContain(HTML);
    expect(await ben.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const link = message.getByRole("link", { name: "https://example.com/brief" });
    expect(await link.getAttribute("href")).toBe("https://example.com/brief");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toContain("noopener");
    await expect.poll(() => badgeCount(ben)).toBe(0);
  });

  it("shows the sender that it was seen, and the reply arrives in the sender's open thread", async () => {
    await admin.getByTestId("seen").waitFor();
    const box = ben.getByTestId("composer");
    await box.fill("Thanks!");
    await box.press("Shift+Enter");
    await box.pressSequentially("Reading it now.");
    await box.press("Enter");
    await admin.getByTestId("message").filter({ hasText: "Reading it now." }).waitFor();
    expect(await admin.getByTestId("message").filter({ hasText: "Reading it now." }).innerText()).toContain("Thanks!\nReading it now.");
    await shot(admin, "messages-thread");
    // The admin is looking at the thread, so the reply is read at once.
    await expect.poll(() => badgeCount(admin)).toBe(0);
  });

  it("marks an open thread read once per newest message, even while marking fails", async () => {
    // Ben's connection drops every mark-read. The thread used to ask again on each render while the
    // count stayed up: a loop of requests that spent his rate limit until nothing loaded for him.
    let marks = 0;
    await ben.route(
      (url) => url.pathname.startsWith("/trpc/") && url.pathname.includes("messages.read"),
      (route) => ((marks += 1), route.abort("failed")),
    );
    const box = admin.getByTestId("composer");
    // The composer takes the next message once the last one is through (it empties then).
    const send = async (text: string) => {
      await box.fill(text);
      await box.press("Enter");
      await expect.poll(() => box.inputValue(), LIVE).toBe("");
      await ben.getByTestId("message").filter({ hasText: text }).waitFor();
    };
    await send("First while offline");
    await send("Second while offline");
    await expect.poll(() => marks, LIVE).toBe(2);
    await expect.poll(() => badgeCount(ben), LIVE).toBe(2);

    // Back online: the next message is marked, and with it the ones before.
    await ben.unrouteAll();
    await send("Back online");
    await expect.poll(() => badgeCount(ben), LIVE).toBe(0);
    expect(marks).toBe(2);
  });

  it("takes the next message while the thread is still refetching after the last", async () => {
    // The admin's thread reloads slowly (held here until released): sending must not wait for it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await admin.route(
      (url) => url.pathname.startsWith("/trpc/") && url.pathname.includes("messages.get"),
      async (route) => (await held, route.continue()),
    );
    const box = admin.getByTestId("composer");
    for (const text of ["Quick one", "Quick two"]) {
      await box.fill(text);
      await box.press("Enter");
      await expect.poll(() => box.inputValue(), LIVE).toBe("");
      await ben.getByTestId("message").filter({ hasText: text }).waitFor();
    }
    release();
    await admin.unrouteAll({ behavior: "wait" });
    await admin.getByTestId("message").filter({ hasText: "Quick two" }).waitFor();
  });

  it("keeps another tenant's user out of the conversation (API)", async () => {
    const id = conversationUrl.split("/").at(-1) ?? "";
    await existingUser(suite.stack(), { username: "eve", password: "eve-password-123", verified: true });
    const { token } = await createClient({ baseUrl: suite.baseUrl() }).auth.token.mutate({ username: "eve", password: "eve-password-123" });
    const eve = createClient({ baseUrl: suite.baseUrl(), token });
    await eve.accounts.create.mutate({ name: "Eve Corp" });
    const adminId = (await userNamed(suite.stack(), "admin")).id;
    await expect(eve.messages.get.query({ id, limit: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(eve.messages.send.mutate({ receiverId: adminId, conversationId: id, content: "let me in" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(eve.messages.send.mutate({ receiverId: adminId, content: "hello stranger" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await eve.messages.conversations.query({ limit: 10 })).items).toEqual([]);
  });
});
