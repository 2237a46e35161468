import type { SeedAgency } from "./types.js";

/**
 * Agencies of the fictional province "Tỉnh Lam Giang" (suffix H99), plus the real-format code of
 * Văn phòng Chính phủ, used as issuer of the Prime Minister's and Government's documents.
 */
export const agencies: readonly SeedAgency[] = [
  {
    code: "000.00.00.G22",
    name: "Văn phòng Chính phủ",
    shortName: "VPCP",
    level: "trung_uong",
    parentCode: null,
  },
  {
    code: "000.00.00.H99",
    name: "UBND tỉnh Lam Giang",
    shortName: "UBND",
    level: "tinh",
    parentCode: null,
  },
  {
    code: "000.00.11.H99",
    name: "Sở Nội vụ tỉnh Lam Giang",
    shortName: "SNV",
    level: "tinh",
    parentCode: "000.00.00.H99",
  },
  {
    code: "000.00.12.H99",
    name: "Sở Tư pháp tỉnh Lam Giang",
    shortName: "STP",
    level: "tinh",
    parentCode: "000.00.00.H99",
  },
  {
    code: "000.00.13.H99",
    name: "Sở Kế hoạch và Đầu tư tỉnh Lam Giang",
    shortName: "SKHĐT",
    level: "tinh",
    parentCode: "000.00.00.H99",
  },
  {
    code: "000.00.14.H99",
    name: "Sở Giao thông vận tải tỉnh Lam Giang",
    shortName: "SGTVT",
    level: "tinh",
    parentCode: "000.00.00.H99",
  },
  {
    code: "000.00.15.H99",
    name: "Sở Tài nguyên và Môi trường tỉnh Lam Giang",
    shortName: "STNMT",
    level: "tinh",
    parentCode: "000.00.00.H99",
  },
  {
    code: "000.00.16.H99",
    name: "Sở Y tế tỉnh Lam Giang",
    shortName: "SYT",
    level: "tinh",
    parentCode: "000.00.00.H99",
  },
  {
    code: "000.00.17.H99",
    name: "Sở Lao động - Thương binh và Xã hội tỉnh Lam Giang",
    shortName: "SLĐTBXH",
    level: "tinh",
    parentCode: "000.00.00.H99",
  },
  {
    code: "000.00.18.H99",
    name: "Công an tỉnh Lam Giang",
    shortName: "CAT",
    level: "tinh",
    parentCode: "000.00.00.H99",
  },
  {
    code: "000.00.19.H99",
    name: "Sở Xây dựng tỉnh Lam Giang",
    shortName: "SXD",
    level: "tinh",
    parentCode: "000.00.00.H99",
  },
  // Commune-level People's Committees. The first segment follows the (former) district,
  // the second the commune: 001.01 = phường Thanh Lam (area 99001, thành phố Lam Giang).
  {
    code: "001.01.00.H99",
    name: "UBND phường Thanh Lam",
    shortName: "UBND",
    level: "xa",
    parentCode: "000.00.00.H99",
  },
  {
    code: "002.02.00.H99",
    name: "UBND xã Sơn Thủy",
    shortName: "UBND",
    level: "xa",
    parentCode: "000.00.00.H99",
  },
  {
    code: "004.01.00.H99",
    name: "UBND phường Hòa Giang",
    shortName: "UBND",
    level: "xa",
    parentCode: "000.00.00.H99",
  },
];
