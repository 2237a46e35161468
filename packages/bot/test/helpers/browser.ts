import { existsSync } from "node:fs";
import { serve } from "@hono/node-server";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** Debian's Chromium, which CI installs; tests never download a browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Headless Chromium. Fails, never skips, when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}; browser tests need it (Debian: apt-get install chromium).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * One headless Chromium for a test file: call at the top level, then `browser()` inside tests.
 * When Chromium is missing, every test fails with the reason (a failing `beforeAll` would only
 * mark them skipped).
 */
export function useChromium(): () => Browser {
  let launching: Promise<Browser> | undefined;
  let browser: Browser | undefined;
  beforeAll(() => {
    launching = launchChromium();
    // Reported by each test below, not as an unhandled rejection.
    launching.catch(() => {});
  });
  beforeEach(async () => {
    browser = await launching;
  });
  afterAll(async () => {
    await (await launching?.catch(() => undefined))?.close();
  });
  return () => {
    if (!browser) throw new Error("browser() is only available inside tests");
    return browser;
  };
}

type NodeServer = ReturnType<typeof serve> & { closeAllConnections?: () => void };

/** Serves `fetch` (e.g. a Hono app's) on 127.0.0.1 at a free port. */
export function serveHttp(
  fetch: Parameters<typeof serve>[0]["fetch"],
): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server: NodeServer = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Event streams and keep-alive sockets would hold the close open.
            server.closeAllConnections?.();
          }),
      }),
    );
  });
}

/**
 * The web chat widget on a portal page, driven the way a citizen does: by its roles and
 * labels, in a browser context of its own (its own storage).
 */
export class ChatWidget {
  /** The button that opens and closes the chat. */
  readonly launcher: Locator;
  readonly dialog: Locator;
  /** The message log (`role="log"`). */
  readonly log: Locator;
  /** The message text box. */
  readonly input: Locator;
  private readonly messages: Locator;

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {
    this.launcher = page.getByRole("button", { name: /^(Hỏi đáp trực tuyến|Ask us online)/ });
    this.dialog = page.getByRole("dialog");
    this.log = page.getByRole("log");
    this.input = this.dialog.getByRole("textbox");
    this.messages = this.log.locator("[data-from]");
  }

  /** Opens `url` (a page embedding the widget) in a fresh context; `locale` sets the browser's. */
  static async visit(browser: Browser, url: string, options: { locale?: string } = {}) {
    const context = await browser.newContext({ locale: options.locale ?? "vi-VN" });
    const page = await context.newPage();
    // Fail with Playwright's clear message before the test runner's own timeout.
    page.setDefaultTimeout(10_000);
    await page.goto(url);
    const widget = new ChatWidget(page, context);
    await widget.launcher.waitFor();
    return widget;
  }

  /** Opens the chat by click, or by keyboard (Tab to the launcher, Enter); waits for the greeting. */
  async open(via: "click" | "keyboard" = "click"): Promise<void> {
    if (via === "click") await this.launcher.click();
    else {
      for (let i = 0; i < 10 && !(await this.isFocused(this.launcher)); i++) {
        await this.page.keyboard.press("Tab");
      }
      if (!(await this.isFocused(this.launcher))) throw new Error("Tab never reached the launcher");
      await this.page.keyboard.press("Enter");
    }
    await this.dialog.waitFor();
    await this.idle();
  }

  /** Sends `text` as the citizen would (type, Enter) and returns the replies' text. */
  send(text: string): Promise<string> {
    return this.replyTo(async () => {
      await this.input.fill(text);
      await this.input.press("Enter");
    });
  }

  /** Presses the latest reply button labelled `label` and returns the replies' text. */
  click(label: string): Promise<string> {
    return this.replyTo(() => this.log.getByRole("button", { name: label }).last().click());
  }

  /** Attaches a file through the "Đính kèm tệp" input and returns the replies' text. */
  attach(file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
    return this.replyTo(() =>
      this.dialog.getByLabel(/Đính kèm tệp|Attach a file/).setInputFiles(file),
    );
  }

  /**
   * Runs `act` (which makes the citizen send one message) and waits until the bot has answered
   * it; returns the text of the bot's messages since, one per line.
   */
  async replyTo(act: () => Promise<void>): Promise<string> {
    const before = await this.messages.count();
    await act();
    // The citizen's own message, then at least one reply, then no request in flight.
    await this.messages.nth(before + 1).waitFor({ state: "attached" });
    await this.idle();
    const texts: string[] = [];
    for (const item of (await this.messages.all()).slice(before)) {
      if ((await item.getAttribute("data-from")) === "user") continue;
      texts.push((await item.locator("p").textContent()) ?? "");
    }
    return texts.join("\n");
  }

  /** The text of every message in the log, in order. */
  texts(): Promise<string[]> {
    return this.messages.locator("p").allTextContents();
  }

  /** Waits until a message containing `text` is in the log (e.g. a pushed notification). */
  async waitForText(text: string): Promise<void> {
    await this.log.getByText(text).first().waitFor();
  }

  /** Reloads the page; the chat stays closed until `open()`. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.launcher.waitFor();
  }

  close(): Promise<void> {
    return this.context.close();
  }

  private async idle(): Promise<void> {
    await this.page.locator('[role="log"]:not([aria-busy])').waitFor({ state: "attached" });
  }

  private async isFocused(locator: Locator): Promise<boolean> {
    return (await locator.and(this.page.locator(":focus")).count()) > 0;
  }
}
