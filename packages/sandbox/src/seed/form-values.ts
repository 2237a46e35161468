import type { Faker } from "@faker-js/faker";
import { vnDateString } from "@vnegov/domain";
import type { AttachmentUpload, FormValue } from "../domain/form-validation.js";
import type { SeedFormField } from "./data/types.js";

const PHRASES = [
  "Bổ sung hồ sơ xin việc",
  "Theo nhu cầu cá nhân",
  "Hoàn thiện thủ tục theo hướng dẫn của cơ quan",
  "Phục vụ việc học tập",
  "Đi làm việc tại doanh nghiệp",
  "Kê khai đúng sự thật",
];

const STREETS = [
  "Lê Lợi",
  "Trần Hưng Đạo",
  "Nguyễn Trãi",
  "Hai Bà Trưng",
  "Lý Thường Kiệt",
  "Phan Bội Châu",
  "Quang Trung",
  "Nguyễn Du",
];

/** A Vietnamese full name, family name first ("Bùi Diễm Kiều"); faker's `vi` puts it last. */
export function fakeName(faker: Faker): string {
  return `${faker.person.lastName()} ${faker.person.firstName()}`;
}

/** A street address in the fictional province, in Vietnamese form. */
export function fakeAddress(faker: Faker, communes: readonly string[]): string {
  const street = faker.helpers.arrayElement(STREETS);
  return `Số ${faker.number.int({ min: 1, max: 250 })} đường ${street}, ${faker.helpers.arrayElement(communes)}, tỉnh Lam Giang`;
}

/** A CCCD that passes validation: province 001–096, century/sex digit, birth year, serial. */
export function fakeCccd(faker: Faker): string {
  const province = String(faker.number.int({ min: 1, max: 96 })).padStart(3, "0");
  return `${province}${faker.number.int({ min: 0, max: 3 })}${faker.string.numeric(8)}`;
}

export function fakePhone(faker: Faker): string {
  return `0${faker.helpers.arrayElement(["3", "5", "7", "8", "9"])}${faker.string.numeric(8)}`;
}

function fakeText(faker: Faker, field: SeedFormField, communes: readonly string[]): string {
  const key = field.key.toLowerCase();
  let value: string;
  if (/organi[sz]ation|company|business|employer/.test(key)) {
    value = `Công ty TNHH ${faker.helpers.arrayElement(["Thương mại", "Xây dựng", "Dịch vụ", "Sản xuất"])} ${faker.person.firstName()}`;
  } else if (key.includes("name")) value = fakeName(faker);
  else if (/number|code/.test(key))
    value = `${faker.number.int({ min: 1, max: 999 })}/${faker.number.int({ min: 2019, max: 2024 })}`;
  else if (/address|place|residence|location/.test(key)) value = fakeAddress(faker, communes);
  else value = faker.helpers.arrayElement(PHRASES);
  if (field.maxLength !== undefined) value = value.slice(0, field.maxLength);
  while (field.minLength !== undefined && value.length < field.minLength) value += ".";
  return value;
}

function fakeValue(
  faker: Faker,
  field: SeedFormField,
  submittedMs: number,
  communes: readonly string[],
): FormValue | undefined {
  switch (field.type) {
    case "number": {
      const min = field.minimum ?? 1;
      const max = field.maximum ?? Math.max(min, 100);
      return faker.number.int({ min: Math.ceil(min), max: Math.floor(max) });
    }
    case "date": {
      const past = /birth|born/i.test(field.key)
        ? faker.date.between({ from: "1960-01-01", to: "2005-12-31" }).getTime()
        : submittedMs - faker.number.int({ min: 1, max: 30 }) * 86_400_000;
      return vnDateString(past);
    }
    case "select":
      return field.options ? faker.helpers.arrayElement(field.options).value : undefined;
    case "cccd":
      return fakeCccd(faker);
    case "phone":
      return fakePhone(faker);
    case "email":
      return `${faker.string.alpha({ length: 8, casing: "lower" })}@example.com`;
    case "file":
      return undefined;
    default: {
      if (!field.pattern) return fakeText(faker, field, communes);
      const pattern = new RegExp(field.pattern, "u");
      // fromRegExp keeps escapes like `\.` verbatim; a one-character class says the same.
      const source = field.pattern.replace(/^\^|\$$/g, "").replace(/\\([./-])/g, "[$1]");
      // Unbounded quantifiers may overshoot maxLength: draw again (bounded) until it fits.
      for (let attempt = 0; attempt < 20; attempt++) {
        const text = faker.helpers.fromRegExp(source);
        const fits =
          text.length <= (field.maxLength ?? Number.POSITIVE_INFINITY) &&
          text.length >= (field.minLength ?? 0);
        if (fits && pattern.test(text)) return text;
      }
      return undefined;
    }
  }
}

/** Form data and attachments that satisfy a procedure's fields, for the sample world. */
export function fakeForm(
  faker: Faker,
  fields: readonly SeedFormField[],
  submittedMs: number,
  pdf: Buffer,
  communes: readonly string[],
): { formData: Record<string, FormValue>; attachments: AttachmentUpload[] } {
  const formData: Record<string, FormValue> = {};
  const attachments: AttachmentUpload[] = [];
  for (const field of fields) {
    if (!field.required && faker.datatype.boolean({ probability: 0.3 })) continue;
    if (field.type === "file") {
      const contentType =
        field.accept?.includes("application/pdf") || !field.accept
          ? "application/pdf"
          : (field.accept[0] as string);
      attachments.push({
        fieldKey: field.key,
        fileName: `${field.key}.pdf`,
        contentType,
        contentBase64: pdf.toString("base64"),
      });
      continue;
    }
    const value = fakeValue(faker, field, submittedMs, communes);
    if (value !== undefined) formData[field.key] = value;
  }
  return { formData, attachments };
}
