/** `@vnegov/zalo`: typed Zalo Bot API, OA Open API v3 and ZNS clients (in progress). */
export {};
