import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { VnegovError } from "@vnegov/sdk";
import { isOaTokens, type OaTokenStore, type OaTokens } from "./tokens.js";

/** A lock file older than this is left over from a crashed process and may be taken over. */
const STALE_LOCK_MS = 60_000;
/** How long {@link FileTokenStore.lock} waits for another process before giving up. */
const LOCK_WAIT_MS = 30_000;
const LOCK_POLL_MS = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorCode = (error: unknown) => (error as { code?: string }).code;

/**
 * The default {@link OaTokenStore}: one JSON file, readable by its owner only (mode 0600).
 * Every write goes to a temporary file that is synced and then renamed over the old one, so a
 * reader (in this or another process) sees either the old pair or the new pair, never half of
 * one, even when the process dies mid-write. Its {@link FileTokenStore.lock} (a `<path>.lock`
 * file) lets several processes share the file without spending the same refresh token twice.
 *
 * @example
 * ```ts
 * const oa = new ZaloOa({ appId, appSecret, tokens: new FileTokenStore("/var/lib/bot/zalo-oa.json") });
 * ```
 */
export class FileTokenStore implements OaTokenStore {
  constructor(readonly path: string) {
    if (typeof path !== "string" || path === "") throw new TypeError("path must be a file path.");
  }

  /** The saved tokens; `undefined` when the file does not exist yet. */
  async read(): Promise<OaTokens | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if (errorCode(error) === "ENOENT") return undefined;
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new VnegovError(`The token file ${this.path} is not JSON.`, { cause: error });
    }
    if (!isOaTokens(value)) throw new VnegovError(`The token file ${this.path} holds no tokens.`);
    return {
      accessToken: value.accessToken,
      refreshToken: value.refreshToken,
      accessTokenExpiresAt: value.accessTokenExpiresAt,
    };
  }

  /** Replaces the file atomically (temporary file, fsync, rename), mode 0600. */
  async write(tokens: OaTokens): Promise<void> {
    if (!isOaTokens(tokens)) throw new TypeError("tokens must be OaTokens.");
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    const body = `${JSON.stringify({
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    })}\n`;
    try {
      const file = await open(temporary, "wx", 0o600);
      try {
        await file.writeFile(body, "utf8");
        // On disk before the rename: a crash must not leave a renamed but empty file.
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /**
   * Runs `critical` while holding `<path>.lock`, created exclusively, so processes sharing the
   * file take turns to refresh. A lock older than 60 s is taken to be left by a crashed process
   * and removed; waiting longer than 30 s for it throws.
   */
  async lock<T>(critical: () => Promise<T>): Promise<T> {
    const lockPath = `${this.path}.lock`;
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        const file = await open(lockPath, "wx", 0o600);
        await file.writeFile(`${process.pid}\n`);
        await file.close();
        break;
      } catch (error) {
        if (errorCode(error) !== "EEXIST") throw error;
      }
      const held = await stat(lockPath).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new VnegovError(`Waited ${LOCK_WAIT_MS} ms in vain for the lock ${lockPath}.`);
      await sleep(LOCK_POLL_MS);
    }
    try {
      return await critical();
    } finally {
      await rm(lockPath, { force: true });
    }
  }
}
