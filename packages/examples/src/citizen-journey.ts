/**
 * A citizen's journey through the SDK: find a procedure, submit a dossier, follow it as an
 * officer moves it along, and receive the signed webhook for each change.
 *
 *   pnpm --filter @vnegov/examples citizen-journey            # against a throwaway sandbox
 *   VNEGOV_BASE_URL=http://127.0.0.1:4010 VNEGOV_API_KEY=… VNEGOV_ADMIN_KEY=… pnpm … citizen-journey
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startSandbox } from "@vnegov/sandbox";
import { formatVnDate, NotFoundError, Vnegov, type VnegovEvent } from "@vnegov/sdk";

const external = process.env.VNEGOV_BASE_URL;
const sandbox = external ? undefined : await startSandbox({ seed: true });
const baseURL = external ?? (sandbox?.url as string);
const citizenApp = new Vnegov({
  baseURL,
  auth: { apiKey: process.env.VNEGOV_API_KEY ?? "vng_sandbox_bot_key" },
});
const officer = new Vnegov({
  baseURL,
  auth: { apiKey: process.env.VNEGOV_ADMIN_KEY ?? "vng_sandbox_admin_key" },
});

// A webhook receiver: every delivery is verified before it is believed.
const events: VnegovEvent[] = [];
let secret = "";
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    events.push(citizenApp.webhooks.constructEvent(Buffer.concat(chunks), req.headers, secret));
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const hook = await citizenApp.webhooks.create({
  url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
  events: ["dossier.status_changed"],
});
secret = hook.secret;

try {
  // 1. Find the procedure, typing without diacritics as people do on a phone.
  const { data } = await citizenApp.portal.procedures.search({ q: "dang ky ket hon" });
  const procedure = await citizenApp.portal.procedures.get(data[0]?.code ?? "");
  console.log(
    `Thủ tục: ${procedure.name} (${procedure.code}), ${procedure.processingDays} ngày làm việc`,
  );

  // 2. Fill its form field by field, as the bot will.
  const formData: Record<string, string | number> = {};
  const attachments = [];
  for (const field of procedure.formSchema.fields) {
    if (field.type === "file") {
      if (field.required) {
        attachments.push({
          fieldKey: field.key,
          fileName: "ban-sao.pdf",
          contentType: "application/pdf",
          contentBase64: Buffer.from("%PDF-1.4\n").toString("base64"),
        });
      }
      continue;
    }
    if (!field.required) continue;
    formData[field.key] =
      field.type === "date"
        ? "1995-03-08"
        : field.type === "select"
          ? (field.options?.[0]?.value ?? "")
          : field.type === "cccd"
            ? "001195012345"
            : field.type === "phone"
              ? "0912345678"
              : field.type === "email"
                ? "cong.dan@example.com"
                : field.type === "number"
                  ? (field.minimum ?? 1)
                  : "Nguyễn Văn An";
  }
  const receipt = await citizenApp.portal.dossiers.submit({
    procedureCode: procedure.code,
    applicant: {
      type: "cong_dan",
      fullName: "Nguyễn Văn An",
      idNumber: "001195012345",
      phone: "0912345678",
    },
    formData,
    attachments,
  });
  const { code } = receipt.dossier;
  console.log(`Đã nộp hồ sơ ${code}; mã tra cứu ${receipt.verificationSecret}`);
  console.log(
    `Ngày hẹn trả: ${formatVnDate(new Date(receipt.dossier.appointmentAt ?? ""), { withTime: true })}`,
  );

  // 3. The officer receives it and starts processing.
  await officer.portal.dossiers.transition(code, {
    status: "da_tiep_nhan",
    note: "Tiếp nhận hồ sơ",
  });
  await officer.portal.dossiers.transition(code, { status: "dang_xu_ly" });

  // 4. The citizen looks it up; a mistyped secret is just "not found".
  const dossier = await citizenApp.portal.dossiers.get(code, {
    secret: receipt.verificationSecret,
  });
  console.log(`Trạng thái: ${dossier.status} (${dossier.timeliness})`);
  await citizenApp.portal.dossiers.get(code, { secret: "SAI123" }).catch((error) => {
    if (error instanceof NotFoundError) console.log("Mã tra cứu sai: không tìm thấy hồ sơ");
  });
  for await (const step of citizenApp.portal.dossiers.history(code, {
    secret: receipt.verificationSecret,
  })) {
    console.log(`  ${formatVnDate(new Date(step.at), { withTime: true })}  ${step.status}`);
  }

  // 5. Every change also arrived as a verified webhook.
  for (let i = 0; i < 100 && events.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
  const statuses = events.flatMap((e) =>
    e.type === "dossier.status_changed" && e.data.dossierCode === code ? [e.data.status] : [],
  );
  console.log(`Webhook đã xác thực: ${statuses.join(" → ")}`);
} finally {
  await citizenApp.webhooks.delete(hook.id);
  receiver.close();
  await citizenApp.close();
  await officer.close();
  await sandbox?.close();
}
