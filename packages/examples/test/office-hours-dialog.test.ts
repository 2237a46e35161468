import { BotEngine, SqliteSessionStorage } from "@vnegov/bot";
import { Vnegov } from "@vnegov/sdk";
import { afterAll, expect, it } from "vitest";
import { officeHoursDialog } from "../src/office-hours-dialog.js";

const storage = new SqliteSessionStorage(":memory:");
// The dialog needs no API calls; the client points nowhere on purpose.
const sdk = new Vnegov({ baseURL: "http://127.0.0.1:9", auth: { apiKey: "unused" } });
let now = 0;
const bot = new BotEngine({ sdk, storage, dialogs: [officeHoursDialog], now: () => now });
afterAll(async () => {
  storage.close();
  await sdk.close();
});

const ask = async (at: string, text = "giờ làm việc") => {
  now = Date.parse(at);
  return (await bot.handle({ channel: "web", chatId: "hours", userId: "u", text }))[0]?.text;
};

it("a custom dialog plugs into the engine and answers from the working-time rules", async () => {
  expect(await ask("2024-05-24T09:00:00+07:00")).toContain("đang làm việc");
  expect(await ask("2024-05-24T12:00:00+07:00")).toBe(
    "Bộ phận một cửa đang nghỉ. Mở cửa lại lúc 24/05/2024 13:30.",
  );
  expect(await ask("2024-05-24T17:30:00+07:00", "/giolamviec")).toBe(
    "Bộ phận một cửa đang nghỉ. Mở cửa lại lúc 27/05/2024 07:00.",
  );
  expect(await ask("2024-04-29T18:00:00+07:00", "co lam viec khong")).toContain("02/05/2024 07:00");
});
