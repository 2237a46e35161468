import type { Chat, User } from "./types.js";

/** Fictional people on the "other phone": family and middle names first, given name last. */
const PEOPLE: readonly [family: string, given: string][] = [
  ["Nguyễn Thị", "Lan"],
  ["Trần Văn", "Minh"],
  ["Lê Hoàng", "Anh"],
  ["Phạm Thu", "Hà"],
  ["Hoàng Đức", "Thắng"],
  ["Vũ Ngọc", "Mai"],
  ["Đặng Quốc", "Bảo"],
  ["Bùi Thanh", "Hương"],
];

/** The same fake Vietnamese user for the same id, every time. */
export function fakeUser(id: number, languageCode = "vi"): User {
  const [family, given] = PEOPLE[Math.abs(id) % PEOPLE.length] ?? ["Nguyễn Văn", "An"];
  return {
    id,
    is_bot: false,
    // Telegram's first name is the given name; Vietnamese users put the rest in last_name.
    first_name: given,
    last_name: family,
    username: `${fold(given)}${fold(family.split(" ")[0] ?? "")}${Math.abs(id) % 10_000}`,
    language_code: languageCode,
  };
}

/** A private chat has the user's id; negative ids are groups. */
export function chatFor(chatId: number, user: User): Chat {
  if (chatId < 0) return { id: chatId, type: "group", title: `Nhóm thử nghiệm ${-chatId}` };
  return {
    id: chatId,
    type: "private",
    first_name: user.first_name,
    ...(user.last_name !== undefined && { last_name: user.last_name }),
    ...(user.username !== undefined && { username: user.username }),
  };
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gi, "d").toLowerCase();
}
