/** `@vnegov/zalo`: typed Zalo Bot API, OA Open API v3 and ZNS clients (in progress). */
export * from "./bot/index.js";
export * from "./oa/index.js";
