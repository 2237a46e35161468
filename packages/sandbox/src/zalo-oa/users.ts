import { createHash, randomBytes } from "node:crypto";

/** A message a user sent to the OA. */
export interface InboundMessage {
  msgId: string;
  userId: string;
  at: number;
}

/** What the emulator knows of one user of the OA. */
export interface OaUserState {
  userId: string;
  userIdByApp: string;
  displayName: string;
  avatar: string;
  follower: boolean;
  /** Last message, follow or shared info: the 7-day window counts from here. */
  lastInteractionAt?: number;
  /** When the user last wrote. */
  lastWroteAt?: number;
  /** Free replies (by message id) used since the user last wrote. */
  freeRepliesUsed: number;
  sharedInfo?: Record<string, string>;
  /** The user sent `user_withdraw`. */
  withdrawn: boolean;
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
const GIVEN = [
  "Thị Mai",
  "Văn Hùng",
  "Minh Anh",
  "Thu Hà",
  "Quốc Bảo",
  "Ngọc Lan",
  "Đức Thắng",
  "Thanh Tâm",
];

const digest = (value: string) => createHash("sha256").update(value).digest();

/** A stable numeric id derived from `seed`, shaped like Zalo's (19 digits). */
export function numericId(seed: string): string {
  return (
    (digest(seed).readBigUInt64BE(0) % 9_000_000_000_000_000_000n) +
    1_000_000_000_000_000_000n
  ).toString();
}

/** Zalo's message ids: 32 hex characters. */
export const newMsgId = () => randomBytes(16).toString("hex");

/** The OA's users and the messages they sent, by id. */
export class OaUsers {
  private readonly users = new Map<string, OaUserState>();
  private readonly inbound = new Map<string, InboundMessage>();

  /** The user, or `undefined` when they never interacted with the OA. */
  get(userId: string): OaUserState | undefined {
    return this.users.get(userId);
  }

  /** The user, created (a fixed fake Vietnamese profile per id) on first sight. */
  ensure(userId: string): OaUserState {
    if (typeof userId !== "string" || userId.trim() === "")
      throw new TypeError("userId must be a non-empty string.");
    let user = this.users.get(userId);
    if (!user) {
      const hash = digest(userId);
      user = {
        userId,
        userIdByApp: numericId(`app:${userId}`),
        displayName: `${FAMILY[hash.readUInt8(0) % FAMILY.length]} ${GIVEN[hash.readUInt8(1) % GIVEN.length]}`,
        avatar: `https://s120-ava-talk.zadn.vn/sandbox/${hash.toString("hex", 0, 8)}.jpg`,
        follower: false,
        freeRepliesUsed: 0,
        withdrawn: false,
      };
      this.users.set(userId, user);
    }
    return user;
  }

  /** The user did something that opens the 7-day window. */
  interacted(userId: string): OaUserState {
    const user = this.ensure(userId);
    user.lastInteractionAt = Date.now();
    return user;
  }

  /** The user wrote: a new message id, the window opened, and 8 free replies again. */
  wrote(userId: string): InboundMessage {
    const user = this.interacted(userId);
    user.freeRepliesUsed = 0;
    const message = { msgId: newMsgId(), userId, at: Date.now() };
    user.lastWroteAt = message.at;
    this.inbound.set(message.msgId, message);
    return message;
  }

  /** A message a user sent, by its `msg_id`. */
  message(msgId: string): InboundMessage | undefined {
    return this.inbound.get(msgId);
  }

  /** Moves the user's interactions and messages `ms` into the past. */
  rewind(userId: string, ms: number): void {
    const user = this.ensure(userId);
    if (user.lastInteractionAt !== undefined) user.lastInteractionAt -= ms;
    if (user.lastWroteAt !== undefined) user.lastWroteAt -= ms;
    for (const message of this.inbound.values()) if (message.userId === userId) message.at -= ms;
  }
}
