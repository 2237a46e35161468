/**
 * The Bot API objects the emulator produces, as in https://core.telegram.org/bots/api (only
 * the fields it fills). Snake case, because these are the wire objects.
 */

export interface User {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** What `getMe` returns. */
export interface BotUser extends User {
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
}

export interface Chat {
  id: number;
  type: "private" | "group";
  title?: string;
  first_name?: string;
  last_name?: string;
  username?: string;
}

export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size: number;
}

export interface Document {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size: number;
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
}

export interface InlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

export interface Message {
  message_id: number;
  from?: User;
  chat: Chat;
  /** Unix time in seconds. */
  date: number;
  edit_date?: number;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  photo?: PhotoSize[];
  document?: Document;
  reply_markup?: InlineKeyboardMarkup;
  reply_to_message?: Message;
}

export interface CallbackQuery {
  id: string;
  from: User;
  message?: Message;
  chat_instance: string;
  data?: string;
}

/** An update; besides the two kinds the emulator makes, tests may inject any other. */
export interface Update {
  update_id: number;
  message?: Message;
  callback_query?: CallbackQuery;
  [kind: string]: unknown;
}

export interface WebhookInfo {
  url: string;
  has_custom_certificate: boolean;
  pending_update_count: number;
  max_connections?: number;
  allowed_updates?: string[];
  last_error_date?: number;
  last_error_message?: string;
}

export interface BotCommand {
  command: string;
  description: string;
}

/** What `getFile` returns. */
export interface File {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
}
