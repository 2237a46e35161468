import type { User } from "./types.js";

/** Fictional people on the "other phone". */
const PEOPLE = [
  "Nguyễn Thị Lan",
  "Trần Văn Minh",
  "Lê Hoàng Anh",
  "Phạm Thu Hà",
  "Hoàng Đức Thắng",
  "Vũ Ngọc Mai",
  "Đặng Quốc Bảo",
  "Bùi Thanh Hương",
];

/** The same fake Vietnamese user for the same id, every time. */
export function fakeZaloUser(id: string): User {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return { id, display_name: PEOPLE[hash % PEOPLE.length] ?? "Nguyễn Văn An", is_bot: false };
}
