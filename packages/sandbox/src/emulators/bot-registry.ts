/** How a platform's bots come to be, and how errors name them. */
export interface BotRegistrySpec<Id, Bot> {
  /** The bot id in `token`; `undefined` when the token is not shaped like the platform's. */
  idOf(token: string): Id | undefined;
  create(id: Id): Bot;
  /** As in `Not a ${names.token} token` and `No ${names.bot} has called the Bot API yet`. */
  names: { token: string; bot: string };
}

/**
 * The bots a Bot API emulator knows, by id. Any token shaped like the platform's is a bot,
 * created at first sight; another token for a known id is refused (the platforms answer 401).
 */
export class BotRegistry<Id, Bot extends { close(): Promise<void> }> {
  private readonly bots = new Map<Id, { token: string; bot: Bot }>();

  constructor(private readonly spec: BotRegistrySpec<Id, Bot>) {}

  /** The bot `token` belongs to; `undefined` for a malformed token or a known id's other token. */
  botFor(token: string): Bot | undefined {
    const id = this.spec.idOf(token);
    if (id === undefined) return undefined;
    const known = this.bots.get(id);
    if (known) return known.token === token ? known.bot : undefined;
    const bot = this.spec.create(id);
    this.bots.set(id, { token, bot });
    return bot;
  }

  /** The bot a user-side call means: the one `token` names, or else the only one so far. */
  pick(token: string | undefined): Bot {
    const { names } = this.spec;
    if (token !== undefined) {
      const bot = this.botFor(token);
      if (!bot) throw new Error(`Not a ${names.token} token (or another token of a known bot id).`);
      return bot;
    }
    const [only, ...others] = this.bots.values();
    if (!only) throw new Error(`No ${names.bot} has called the Bot API yet; pass { token }.`);
    if (others.length > 0) throw new Error(`Several ${names.bot}s are known; pass { token }.`);
    return only.bot;
  }

  async close(): Promise<void> {
    await Promise.all([...this.bots.values()].map(({ bot }) => bot.close()));
  }
}
