export { createZaloBotChannel } from "./bot-channel.js";
export type { ZaloBotChannel, ZaloBotChannelOptions, ZaloBotMode } from "./bot-options.js";
export { createZaloOaChannel } from "./oa-channel.js";
export type { ZaloOaChannel, ZaloOaChannelOptions, ZnsOptions } from "./oa-options.js";
