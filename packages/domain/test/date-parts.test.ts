import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateTimeParts, isValidDateTime } from "../src/index.js";

describe("isValidDateTime", () => {
  it("takes real moments and refuses rolled-over ones", () => {
    expect(isValidDateTime(2024, 2, 29, 23, 59, 59)).toBe(true);
    expect(isValidDateTime(2023, 2, 29)).toBe(false);
    expect(isValidDateTime(1900, 2, 29)).toBe(false);
    expect(isValidDateTime(2000, 2, 29)).toBe(true);
    expect(isValidDateTime(2024, 5, 25, 24)).toBe(false);
    expect(isValidDateTime(0, 1, 1)).toBe(false);
    expect(isValidDateTime(2024, 13, 1)).toBe(false);
    expect(isValidDateTime(2024, 4, 31)).toBe(false);
  });

  it("agrees with a Date.UTC round trip (property)", () => {
    const n = (max: number) => fc.integer({ min: 0, max });
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9999 }),
        n(13),
        n(32),
        n(24),
        n(60),
        n(60),
        (y, mo, d, h, mi, s) => {
          const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
          const roundTrip =
            t.getUTCFullYear() === y &&
            t.getUTCMonth() === mo - 1 &&
            t.getUTCDate() === d &&
            t.getUTCHours() === h &&
            t.getUTCMinutes() === mi &&
            t.getUTCSeconds() === s;
          expect(isValidDateTime(y, mo, d, h, mi, s)).toBe(roundTrip);
        },
      ),
    );
  });
});

describe("dateTimeParts", () => {
  it("reads six capture groups, or null", () => {
    expect(dateTimeParts(["2024", "05", "25", "08", "30", "05"])).toEqual([2024, 5, 25, 8, 30, 5]);
    expect(dateTimeParts(["2024", "02", "30", "00", "00", "00"])).toBeNull();
    expect(dateTimeParts(["2024", "05", "25"])).toBeNull();
    expect(dateTimeParts(["2024", "05", "25", "08", "30", undefined])).toBeNull();
  });
});
