/**
 * A bot's chats by id. A chat opens when a user writes first: a bot cannot start a
 * conversation, so the user side cannot wait on a chat nobody opened.
 */
export class BotChats<Id, Chat> {
  private readonly byId = new Map<Id, Chat>();

  /** `label` names a chat in errors, e.g. `Zalo chat`. */
  constructor(private readonly label: string) {}

  get(id: Id): Chat | undefined {
    return this.byId.get(id);
  }

  /** The chat, made by `create` when a user writes to it first. */
  open(id: Id, create: () => Chat): Chat {
    let chat = this.byId.get(id);
    if (!chat) {
      chat = create();
      this.byId.set(id, chat);
    }
    return chat;
  }

  /** The chat for a user-side call; an error when no user has opened it yet. */
  opened(id: Id): Chat {
    const chat = this.byId.get(id);
    if (!chat)
      throw new Error(`${this.label} ${id} does not exist yet: a user has to write first.`);
    return chat;
  }
}
