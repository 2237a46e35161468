import type { Redis } from "ioredis";

/**
 * The outbox's own Redis steps, each one Lua script so it is atomic across processes. BullMQ
 * holds the jobs; these keep what BullMQ does not: event and state dedupe, each delivery's
 * final status (the idempotency record a resend is checked against), per-chat pacing and the
 * broadcast counters.
 */
const SCRIPTS = {
  /**
   * KEYS: events, states, broadcasts, broadcast. ARGV: eventId, stateKey, stateValue, now,
   * type, label, priority, total. Answers "duplicate", "repeated" or "new". An event left
   * "pending" (the process died while queueing it) is taken up again, even past its state.
   */
  vnegovOutboxBegin: {
    keys: 4,
    lua: `
local seen = redis.call('HGET', KEYS[1], ARGV[1])
if seen == 'done' then return 'duplicate' end
if not seen and ARGV[2] ~= '' and redis.call('HGET', KEYS[2], ARGV[2]) == ARGV[3] then
  redis.call('HSET', KEYS[1], ARGV[1], 'done')
  return 'repeated'
end
redis.call('HSET', KEYS[1], ARGV[1], 'pending')
if ARGV[2] ~= '' then redis.call('HSET', KEYS[2], ARGV[2], ARGV[3]) end
if redis.call('HSETNX', KEYS[4], 'createdAt', ARGV[4]) == 1 then
  redis.call('HSET', KEYS[4], 'type', ARGV[5], 'label', ARGV[6], 'priority', ARGV[7], 'total', ARGV[8])
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
end
return 'new'`,
  },
  /**
   * Before a send. KEYS: statuses, chat, pause. ARGV: chatKey, now, leaseMs, gapMs. Answers -1
   * when the delivery is settled already (a resend after a crash or a stall), a time (ms) to
   * wait for when the channel is paused or the chat is busy or inside its gap, or 0: the chat is
   * now held for `leaseMs`, so no other process sends to it meanwhile. A holder that dies
   * unsettled may have sent just before, so its hold lasts the chat's gap longer.
   */
  vnegovOutboxReserve: {
    keys: 3,
    lua: `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return -1 end
local now = tonumber(ARGV[2])
local paused = redis.call('PTTL', KEYS[3])
if paused > 0 then return now + paused end
local notBefore = tonumber(redis.call('GET', KEYS[2]) or '0')
if notBefore > now then return notBefore end
local hold = tonumber(ARGV[3]) + tonumber(ARGV[4])
redis.call('SET', KEYS[2], now + hold, 'PX', hold)
return 0`,
  },
  /**
   * After a send. KEYS: statuses, broadcast, rate, chat, totals. ARGV: chatKey, status, now,
   * chatNotBefore, channel. Records the final status once (1), or nothing if it was recorded
   * before (0); either way the chat's next send waits until `chatNotBefore`.
   */
  vnegovOutboxSettle: {
    keys: 5,
    lua: `
local now = tonumber(ARGV[3])
local gap = tonumber(ARGV[4]) - now
if gap > 0 then redis.call('SET', KEYS[4], ARGV[4], 'PX', gap) else redis.call('DEL', KEYS[4]) end
if ARGV[2] == '' then return 0 end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('HINCRBY', KEYS[5], ARGV[5] .. '|' .. ARGV[2], 1)
if ARGV[2] == 'sent' then
  redis.call('HSETNX', KEYS[2], 'firstSentAt', ARGV[3])
  redis.call('HSET', KEYS[2], 'lastSentAt', ARGV[3])
  redis.call('HINCRBY', KEYS[3], math.floor(now / 1000), 1)
  redis.call('EXPIRE', KEYS[3], 120)
end
return 1`,
  },
  /**
   * A send's departure slot on a channel, shared by every process. KEYS: gate. ARGV:
   * intervalMs. Answers how long to wait (ms) before sending; slots are `intervalMs` apart in
   * Redis' own time, so processes on hosts with different clocks still space correctly.
   */
  vnegovOutboxDepart: {
    keys: 1,
    lua: `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local at = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local interval = tonumber(ARGV[1])
redis.call('SET', KEYS[1], tostring(at + interval), 'PX', math.max(1000, math.ceil(at + interval - now)))
return math.ceil(at - now)`,
  },
} as const;

type ScriptName = keyof typeof SCRIPTS;

/** Registers the scripts on `redis` (once per client); ioredis loads them by SHA. */
export function defineScripts(redis: Redis): void {
  for (const [name, { keys, lua }] of Object.entries(SCRIPTS))
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: keys, lua });
}

/** Runs one of the scripts. */
export function runScript<T>(
  redis: Redis,
  name: ScriptName,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<T> {
  const command = (redis as unknown as Record<ScriptName, (...a: unknown[]) => Promise<T>>)[name];
  return command.call(redis, ...keys, ...args);
}
