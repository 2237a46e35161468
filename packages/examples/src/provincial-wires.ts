/**
 * A province on the real wires: a dossier taken at the one-stop counter is pushed to the
 * National Public Service Portal (DVCQG) with its progress, a citizen looks it up through
 * DVCQG and through VNPT iGate with their CCCD, and Sở Tư pháp sends an official letter to
 * UBND tỉnh over LGSP as edXML, which the receiver accepts.
 *
 *   pnpm --filter @vnegov/examples provincial-wires      # against a throwaway sandbox
 */
import { startSandbox } from "@vnegov/sandbox";
import { appointmentDate, formatVnDate, NotFoundError, vnDateString } from "@vnegov/sdk";
import { Dvcqg } from "@vnegov/sdk/dvcqg";
import { Igate } from "@vnegov/sdk/igate";
import { Lgsp } from "@vnegov/sdk/lgsp";

const sandbox = await startSandbox({ seed: true });
const PROVINCE = "000.00.00.H99"; // UBND tỉnh Lam Giang, the sandbox's province
const JUSTICE = "000.00.12.H99"; // Sở Tư pháp

const dvcqg = new Dvcqg({
  baseURL: `${sandbox.url}/dvcqg`,
  ...sandbox.dvcqg.credentials,
  madonvi: JUSTICE,
});
const igate = new Igate({
  baseURL: `${sandbox.url}/igate`,
  ssoURL: `${sandbox.url}/igate`,
  ...sandbox.igate.credentials,
});
function lgspFor(agency: string): Lgsp {
  return new Lgsp({ baseURL: `${sandbox.url}/lgsp`, ...sandbox.lgsp.credentialsOf(agency) });
}
const justice = lgspFor(JUSTICE);
const province = lgspFor(PROVINCE);

try {
  // 1. The counter's dossier goes to the national portal, then its progress, in batches of 10.
  const procedure = await dvcqg.portal.procedures.get(
    (await dvcqg.portal.procedures.search({ q: "ho tich", limit: 1 })).data[0]?.code ?? "",
  );
  const today = vnDateString(Date.now()).slice(2).replaceAll("-", "");
  const code = `${JUSTICE}-${today}-8001`;
  const idNumber = "001190012345";
  const receivedAt = new Date(Date.now() - 3_000_000);
  const [synced] = await dvcqg.portal.dossiers.sync([
    {
      code,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      channel: "truc_tiep",
      status: "da_tiep_nhan",
      applicant: {
        type: "cong_dan",
        fullName: "Nguyễn Thị Ánh Tuyết",
        idNumber,
        phone: "0912345678",
      },
      submittedAt: new Date(Date.now() - 3_600_000),
      receivedAt,
      // Ngày hẹn trả in working time: weekends, holidays and after-hours intake skipped.
      appointmentAt: appointmentDate(receivedAt, procedure.processingDays),
      fees: [{ name: "Lệ phí", amount: procedure.fee.amount }],
    },
  ]);
  console.log(
    `DongBoHoSoMC: ${synced?.code} ${synced?.action === "created" ? "đã tạo" : "đã cập nhật"}`,
  );
  const report = await dvcqg.portal.dossiers.reportProgress([
    {
      code,
      status: "dang_xu_ly",
      at: new Date(),
      department: "Phòng Hộ tịch",
      officerName: "Lê Văn Bình",
    },
  ]);
  console.log(`CapNhatTienDoHoSoMC: ${report.events} bước, ${report.batches} lần gọi`);

  // 2. The citizen looks it up with their CCCD, on DVCQG and on iGate: the same answer.
  for (const [name, portal] of [
    ["DVCQG", dvcqg.portal],
    ["iGate", igate.portal],
  ] as const) {
    const dossier = await portal.dossiers.get(code, { secret: idNumber, include: "recentHistory" });
    const appointment = dossier.appointmentAt
      ? formatVnDate(new Date(dossier.appointmentAt), { withTime: true })
      : "chưa có";
    console.log(
      `${name}: ${dossier.code} — ${dossier.procedureName} — ${dossier.status}, hẹn trả ${appointment}`,
    );
    const wrong = await portal.dossiers.get(code, { secret: "079203000000" }).catch((e) => e);
    if (wrong instanceof NotFoundError) console.log(`${name}: CCCD sai: không tìm thấy hồ sơ`);
  }

  // 3. Sở Tư pháp writes to UBND tỉnh over LGSP; the province accepts it (edXML status 03).
  const { docId } = await justice.edocs.send({
    header: {
      from: { organId: JUSTICE, organName: "Sở Tư pháp tỉnh Lam Giang" },
      to: [{ organId: PROVINCE, organName: "UBND tỉnh Lam Giang" }],
      code: { codeNumber: "215", codeNotation: "STP-HCTP" },
      promulgationInfo: { place: "Lam Giang", date: vnDateString(Date.now()) },
      documentType: { type: 1, typeDetail: 0, typeName: "Công văn" },
      subject: "Về việc báo cáo kết quả giải quyết hồ sơ hộ tịch quý III",
      signerInfo: {
        competence: "KT. GIÁM ĐỐC",
        position: "Phó Giám đốc",
        fullName: "Đặng Thị Hoà",
      },
      otherInfo: { priority: 1 },
      documentId: `${JUSTICE},${vnDateString(Date.now()).replaceAll("-", "/")},215/STP-HCTP`,
    },
    attachments: [],
  });
  const edoc = await province.edocs.get(docId);
  console.log(
    `LGSP: UBND tỉnh nhận ${edoc.message.header.code.codeNumber}/${edoc.message.header.code.codeNotation}: ${edoc.message.header.subject}`,
  );
  await province.edocs.updateStatus(docId, "03");
  const now = new Date();
  const reports = await justice.edocs.received({ from: now, to: now });
  const accepted = reports.find((r) => r.kind === "status" && r.docId === docId);
  console.log(`LGSP: Sở Tư pháp thấy trạng thái "${accepted?.statusDesc}"`);
} finally {
  await Promise.all([dvcqg.close(), igate.close(), justice.close(), province.close()]);
  await sandbox.close();
}
