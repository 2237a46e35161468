import type { SeedArea } from "./types.js";

/**
 * Administrative areas of the fictional "Tỉnh Lam Giang" (code 99).
 *
 * District-level units (huyện, thị xã, thành phố thuộc tỉnh) were abolished nationwide on
 * 1 July 2025, but the 2020–2021 directives in the sample world still address them, so they
 * are kept here as they stood at the time.
 */
export const areas: readonly SeedArea[] = [
  { code: "99", name: "Tỉnh Lam Giang", level: "tinh", parentCode: null },

  { code: "990", name: "Thành phố Lam Giang", level: "huyen", parentCode: "99" },
  { code: "991", name: "Huyện Giang Sơn", level: "huyen", parentCode: "99" },
  { code: "992", name: "Huyện Bình Lam", level: "huyen", parentCode: "99" },
  { code: "993", name: "Thị xã Hòa Giang", level: "huyen", parentCode: "99" },

  { code: "99001", name: "Phường Thanh Lam", level: "xa", parentCode: "990" },
  { code: "99002", name: "Phường Bến Giang", level: "xa", parentCode: "990" },
  { code: "99003", name: "Xã Lam Hòa", level: "xa", parentCode: "990" },
  { code: "99101", name: "Thị trấn Giang Sơn", level: "xa", parentCode: "991" },
  { code: "99102", name: "Xã Sơn Thủy", level: "xa", parentCode: "991" },
  { code: "99103", name: "Xã Tân Lập", level: "xa", parentCode: "991" },
  { code: "99201", name: "Thị trấn Bình Lam", level: "xa", parentCode: "992" },
  { code: "99202", name: "Xã Bình Thạnh", level: "xa", parentCode: "992" },
  { code: "99203", name: "Xã Lam Sơn Hạ", level: "xa", parentCode: "992" },
  { code: "99301", name: "Phường Hòa Giang", level: "xa", parentCode: "993" },
  { code: "99302", name: "Phường Bắc Hòa", level: "xa", parentCode: "993" },
  { code: "99303", name: "Xã Hòa An", level: "xa", parentCode: "993" },
];
