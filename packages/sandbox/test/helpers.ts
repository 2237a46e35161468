import { type Sandbox, type SandboxOptions, startSandbox } from "@vnegov/sandbox";

/** "Today" of every seeded test world: Friday 24 May 2024, noon in Hà Nội. */
export const REFERENCE_DATE = new Date("2024-05-24T12:00:00+07:00");

export async function seededSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({
    seed: 2021,
    referenceDate: REFERENCE_DATE,
    webhooks: { baseDelayMs: 50, pollIntervalMs: 50 },
    // Tests fire bursts; rate limiting is tested with clients that have their own low limit.
    rateLimits: { requestsPerSecond: 10_000 },
    ...options,
  });
}

export interface CallOptions {
  key?: string;
  method?: string;
  body?: unknown;
  rawBody?: string | URLSearchParams | Uint8Array;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** One HTTP call to the sandbox; JSON bodies in and out. */
export async function call<T = any>(
  sandbox: Sandbox,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  let body = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${sandbox.url}${path}`, {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes("json") && text ? JSON.parse(text) : text,
  };
}

/** Whether the test filler below can satisfy every field of a procedure (it ignores patterns). */
const fillable = (procedure: any) => !procedure.formSchema.fields.some((f: any) => f.pattern);

/** Procedures open to online submission whose forms `validSubmission` can fill, in code order. */
export async function submittableProcedures(sandbox: Sandbox, key: string): Promise<any[]> {
  const list = await call(sandbox, "/portal/v1/procedures?limit=100", { key });
  const details = await Promise.all(
    list.body.data.map((p: any) => call(sandbox, `/portal/v1/procedures/${p.code}`, { key })),
  );
  return details.map((d) => d.body).filter((p) => p.onlineLevel !== "thong_tin" && fillable(p));
}

/** A valid submission for the procedure, filling every field with acceptable values. */
export async function validSubmission(sandbox: Sandbox, key: string, procedureCode: string) {
  const { body: procedure } = await call(sandbox, `/portal/v1/procedures/${procedureCode}`, {
    key,
  });
  const formData: Record<string, string | number> = {};
  const attachments: unknown[] = [];
  for (const field of procedure.formSchema.fields as any[]) {
    if (field.type === "file") {
      attachments.push({
        fieldKey: field.key,
        fileName: "scan.pdf",
        contentType: field.accept?.[0] ?? "application/pdf",
        contentBase64: Buffer.from("%PDF-1.4 test").toString("base64"),
      });
      continue;
    }
    formData[field.key] = sampleValue(field);
  }
  return {
    procedureCode,
    applicant: {
      type: "cong_dan",
      fullName: "Nguyễn Thị Thử",
      idNumber: "079203004567",
      phone: "+84387654321",
    },
    formData,
    attachments,
  };
}

function sampleValue(field: any): string | number {
  switch (field.type) {
    case "number":
      return field.minimum ?? 1;
    case "date":
      return "1990-01-15";
    case "select":
      return field.options[0].value;
    case "cccd":
      return "001190012345";
    case "phone":
      return "0912345678";
    case "email":
      return "thu@example.com";
    default:
      return "Nội dung thử nghiệm"
        .slice(0, field.maxLength ?? 100)
        .padEnd(field.minLength ?? 0, ".");
  }
}
