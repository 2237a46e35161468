import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotEngine, createWebChat, SqliteSessionStorage, type WebChat } from "../src/index.js";
import { attachmentEcho } from "./helpers/attachment-echo.js";
import { ChatWidget, serveHttp, useChromium } from "./helpers/browser.js";

const browser = useChromium();
let sandbox: Sandbox;
let sdk: Vnegov;
let storage: SqliteSessionStorage;
let web: WebChat;
let chatSite: Awaited<ReturnType<typeof serveHttp>>;
/** A portal on another origin that embeds the widget from `chatSite`. */
let otherPortal: Awaited<ReturnType<typeof serveHttp>>;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
  });
  sdk = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
  storage = new SqliteSessionStorage(":memory:");
  const engine = new BotEngine({ sdk, storage, dialogs: [attachmentEcho] });

  let chatUrl = "";
  otherPortal = await serveHttp(
    new Hono().get("/", (c) =>
      c.html(
        `<!doctype html><html lang="vi"><title>Cổng khác</title><h1>Cổng khác</h1><script src="${chatUrl}/webchat.js" defer></script></html>`,
      ),
    ).fetch,
  );
  web = createWebChat({ engine, allowedOrigins: [otherPortal.url] });
  const root = new Hono()
    .route("/", web.app)
    .get("/en", (c) =>
      c.html(
        '<!doctype html><html lang="en"><title>Portal</title><h1>Portal</h1><script src="/webchat.js" defer></script></html>',
      ),
    );
  chatSite = await serveHttp(root.fetch);
  chatUrl = chatSite.url;
});
afterAll(async () => {
  web?.close();
  await chatSite?.close();
  await otherPortal?.close();
  storage?.close();
  await sdk?.close();
  await sandbox?.close();
});

const inProgress = () => {
  const sample = sandbox.samples.dang_xu_ly?.[0];
  if (!sample) throw new Error("no sample dossier in progress");
  return sample;
};

describe("web chat in a browser", () => {
  it("lets a citizen open the chat with the keyboard and look up a dossier", async () => {
    const chat = await ChatWidget.visit(browser(), chatSite.url);
    await chat.open("keyboard");
    expect(await chat.texts()).toEqual([expect.stringContaining("Tra cứu hồ sơ")]);
    expect(await chat.input.and(chat.page.locator(":focus")).count()).toBe(1);

    const { code, secret } = inProgress();
    const typed = await chat.replyTo(async () => {
      await chat.page.keyboard.type("/tracuu");
      await chat.page.keyboard.press("Enter");
    });
    expect(typed).toContain("nhập mã hồ sơ");
    expect(await chat.send(code)).toContain("mã tra cứu");
    const answer = await chat.send(secret);
    expect(answer).toContain(`Hồ sơ ${code}\n`);
    expect(answer).toContain("Trạng thái: Đang xử lý");
    // Rendered on separate lines, not run together (innerText reflects the CSS).
    const result = chat.log.locator("p", { hasText: "Trạng thái: Đang xử lý" });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered line breaks are the point.
    expect(await result.innerText()).toMatch(/\nTrạng thái: Đang xử lý\n/);

    await chat.page.keyboard.press("Escape");
    await chat.dialog.waitFor({ state: "hidden" });
    expect(await chat.launcher.and(chat.page.locator(":focus")).count()).toBe(1);
    await chat.close();
  });

  it("lets a citizen submit a dossier form, with a file, and get its code and secret", async () => {
    const chat = await ChatWidget.visit(browser(), chatSite.url);
    await chat.open();
    expect(await chat.send("nop ho so khai sinh")).toContain("Chọn thủ tục");
    expect(await chat.click("1. Đăng ký khai sinh")).toContain("(1/12) Họ và tên người nộp hồ sơ");
    for (const [answer, next] of [
      ["Trần Thị Bình", "(2/12)"],
      ["001190012345", "(3/12)"],
      ["0912345678", "(4/12)"],
      ["Lê Minh Khang", "(5/12) Giới tính"],
    ] as const)
      expect(await chat.send(answer)).toContain(next);
    expect(await chat.click("Nữ")).toContain("(6/12)");
    expect(await chat.send("30/02/2024")).toContain("Ngày chưa hợp lệ");
    expect(await chat.send("20/05/2024")).toContain("(7/12)");
    expect(await chat.send("Bệnh viện Đa khoa tỉnh")).toContain("(8/12)");
    expect(await chat.click("Bỏ qua")).toContain("(9/12)");
    expect(await chat.send("Trần Thị Bình")).toContain("(10/12)");
    expect(await chat.send("001190012345")).toContain("(11/12) Giấy chứng sinh");
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    expect(
      await chat.attach({ name: "giay-chung-sinh.png", mimeType: "image/png", buffer: png }),
    ).toContain("(12/12)");
    const summary = await chat.send("0912345678");
    expect(summary).toContain("• Giới tính: Nữ");
    expect(summary).toContain("• Giấy chứng sinh: giay-chung-sinh.png");
    const receipt = await chat.click("Xác nhận nộp");
    expect(receipt).toContain("Đã nộp hồ sơ thành công");
    const code = /Mã hồ sơ: (\S+)/.exec(receipt)?.[1] ?? "";
    const secret = /Mã tra cứu: (\S+)/.exec(receipt)?.[1] ?? "";
    const dossier = await sdk.portal.dossiers.get(code, { secret });
    expect(dossier.formData).toMatchObject({ gender: "nu", dateOfBirth: "2024-05-20" });
    expect(dossier.attachments?.[0]?.fileName).toBe("giay-chung-sinh.png");
    await chat.close();
  });

  it("renders reply buttons as real buttons, pressed by click or keyboard", async () => {
    const chat = await ChatWidget.visit(browser(), chatSite.url);
    await chat.open();
    expect(await chat.send("/chithi")).toContain("Chọn khu vực");
    const areas = chat.log.getByRole("button");
    expect(await areas.count()).toBeGreaterThan(1);
    const area = (await areas.first().textContent()) ?? "";
    expect(await chat.click(area)).toContain(area);

    const follow = chat.log.getByRole("button", { name: `Theo dõi ${area}` });
    const followed = await chat.replyTo(async () => {
      await follow.focus();
      await chat.page.keyboard.press("Enter");
    });
    expect(followed).toContain(`Đã theo dõi ${area}`);
    await chat.close();
  });

  it("resumes the conversation after a reload", async () => {
    const chat = await ChatWidget.visit(browser(), chatSite.url);
    await chat.open();
    const { code, secret } = inProgress();
    await chat.send("/tracuu");
    expect(await chat.send(code)).toContain("mã tra cứu");

    await chat.reload();
    await chat.open();
    const shown = await chat.texts();
    expect(shown).toContain(code);
    expect(shown.filter((t) => t.includes("Tra cứu hồ sơ"))).toHaveLength(1); // no second greeting
    expect(await chat.send(secret)).toContain("Trạng thái: Đang xử lý");
    await chat.close();
  });

  it("uploads an attachment through the file input", async () => {
    const chat = await ChatWidget.visit(browser(), chatSite.url);
    await chat.open();
    expect(await chat.send("/guitep")).toBe("Hãy đính kèm tệp.");
    const reply = await chat.attach({
      name: "giay-to.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 thử"),
    });
    expect(reply).toBe("Đã nhận tệp giay-to.pdf (14 byte, application/pdf)");
    expect(await chat.texts()).toContain("Tệp đính kèm: giay-to.pdf");
    await chat.close();
  });

  it("shows text that looks like HTML literally and never runs it", async () => {
    const chat = await ChatWidget.visit(browser(), chatSite.url);
    const dialogs: string[] = [];
    chat.page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await chat.open();
    const payload = `<img src=x onerror="window.pwned=1;alert(1)">`;
    // The bot repeats a malformed dossier code back, so the payload comes from the server too.
    const reply = await chat.send(`tra cứu hồ sơ ${payload}`);
    expect(reply).toContain(`"${payload}"`);
    expect(await chat.texts()).toContain(`tra cứu hồ sơ ${payload}`);
    expect(await chat.log.locator("img").count()).toBe(0);
    expect(await chat.page.evaluate("window.pwned")).toBeUndefined();
    expect(dialogs).toEqual([]);
    await chat.close();
  });

  it("shows a pushed notification, with an unread count while the chat is closed", async () => {
    const chat = await ChatWidget.visit(browser(), chatSite.url);
    await chat.open();
    const sessionId = String(
      await chat.page.evaluate(
        "JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('vnegov-webchat:')))).sessionId",
      ),
    );
    await chat.page.keyboard.press("Escape");
    await web.send(sessionId, { text: "Hồ sơ của bạn đã có kết quả." });
    await chat.page
      .getByRole("button", { name: /^Hỏi đáp trực tuyến\s*1 tin nhắn mới$/ })
      .waitFor();
    await chat.open();
    await chat.waitForText("Hồ sơ của bạn đã có kết quả.");
    await chat.close();
  });

  it("works embedded in a portal on another origin (CORS)", async () => {
    const chat = await ChatWidget.visit(browser(), otherPortal.url);
    await chat.open();
    expect(await chat.texts()).toEqual([expect.stringContaining("Tra cứu hồ sơ")]);
    expect(await chat.send("/tracuu")).toContain("nhập mã hồ sơ");
    await chat.close();
  });

  it("speaks English on an English page, and fills a narrow screen", async () => {
    const chat = await ChatWidget.visit(browser(), `${chatSite.url}/en`, { locale: "en-US" });
    await chat.page.setViewportSize({ width: 360, height: 640 });
    await chat.open();
    expect(await chat.texts()).toEqual([expect.stringContaining("Look up a dossier")]);
    await chat.dialog.getByLabel("Attach a file").waitFor({ state: "attached" });
    expect(await chat.dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 640 });
    await chat.close();
  });
});
