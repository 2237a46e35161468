import type { Redis } from "ioredis";
import type { Session, SessionStorage } from "./storage.js";

export interface RedisSessionStorageOptions {
  /** An ioredis client; the storage does not close it. */
  client: Redis;
  /** Key prefix. Default `vnegov:session:`. */
  prefix?: string;
  /** Idle sessions expire after this many seconds. Default 30 days. */
  ttlSeconds?: number;
}

/** Sessions in Redis, so several bot processes share them. */
export class RedisSessionStorage implements SessionStorage {
  private readonly prefix: string;
  private readonly ttl: number;

  constructor(private readonly options: RedisSessionStorageOptions) {
    this.prefix = options.prefix ?? "vnegov:session:";
    this.ttl = options.ttlSeconds ?? 30 * 24 * 3600;
  }

  async read(key: string): Promise<Session | undefined> {
    const value = await this.options.client.get(this.prefix + key);
    return value === null ? undefined : (JSON.parse(value) as Session);
  }

  async write(key: string, session: Session): Promise<void> {
    await this.options.client.set(this.prefix + key, JSON.stringify(session), "EX", this.ttl);
  }

  async delete(key: string): Promise<void> {
    await this.options.client.del(this.prefix + key);
  }
}
