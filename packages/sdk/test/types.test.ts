import type { DocumentType } from "@vnegov/domain";
import { describe, expectTypeOf, it } from "vitest";
import type { Schemas } from "../src/index.js";

describe("domain types", () => {
  it("keep the Decree 30 document types in step with the contract", () => {
    expectTypeOf<DocumentType>().toEqualTypeOf<Schemas["DocumentType"]>();
  });
});
