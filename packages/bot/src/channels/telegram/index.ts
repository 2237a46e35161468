export { createTelegramChannel } from "./channel.js";
export type { TelegramChannel, TelegramChannelOptions, TelegramMode } from "./options.js";
