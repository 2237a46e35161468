import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { controlClient } from "./http-helpers.js";

const REFERENCE_DATE = new Date("2024-05-24T12:00:00+07:00");
let sandbox: Sandbox;
let session: string;
let madonvi: string;
const control = controlClient(() => sandbox, "dvcqg");

/** A seeded dossier's code. */
function sampleCode(status: keyof Sandbox["samples"], index = 0): string {
  const found = sandbox.samples[status]?.[index];
  if (!found) throw new Error(`no seeded ${status} dossier`);
  return found.code;
}

/** A raw POST: status and parsed body (every answer is JSON). */
async function post(path: string, body: unknown, raw = false) {
  const response = await fetch(`${sandbox.url}/dvcqg/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function login(target = sandbox): Promise<string> {
  const response = await fetch(`${target.url}/dvcqg/auth`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(target.dvcqg.credentials),
  });
  return ((await response.json()) as { session: string }).session;
}

/** A service call with a live session and a known unit. */
const call = (service: string, params: Record<string, unknown> = {}, path = "integration") =>
  post(path, { session, madonvi, service, ...params });

const admin = () => ({ authorization: `Bearer ${sandbox.credentials.admin.apiKey}` });

/** A minimal valid `DongBoHoSoMC` record. */
function hoSo(sequence: number, overrides: Record<string, unknown> = {}) {
  return {
    MaHoSo: `${madonvi}-240524-${String(8000 + sequence)}`,
    MaTTHC: sandbox.samples.dang_xu_ly?.[0]?.procedureCode,
    TenTTHC: "Tên thủ tục",
    KenhThucHien: "2",
    ChuHoSo: "Lê Thị Hồng Nhung",
    SoGiayToChuHoSo: "079301001234",
    LoaiDoiTuong: "1",
    SoDienThoai: "0987654321",
    NgayNopHoSo: "20240524081500",
    NgayTiepNhan: "20240524090000",
    NgayHenTra: "20240531170000",
    TrangThaiHoSo: "2",
    ...overrides,
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 2021, referenceDate: REFERENCE_DATE });
  madonvi = sandbox.samples.dang_xu_ly?.[0]?.code.split("-")[0] as string;
  session = await login();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.dvcqg.clearCalls());

describe("auth", () => {
  it("answers a session with a numeric error_code 0", async () => {
    const { status, body } = await post("auth", sandbox.dvcqg.credentials);
    expect(status).toBe(200);
    expect(body).toMatchObject({ error_code: 0 });
    expect(body.session).toMatch(/^[0-9a-f]{48}$/);
  });

  it("refuses wrong credentials with HTTP 200 and a string code", async () => {
    const { status, body } = await post("auth", {
      username: "sandbox-lamgiang-dvcqg",
      password: "x",
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      session: null,
      error_code: "-2",
      message: "Tên đăng nhập hoặc mật khẩu không đúng",
    });
  });

  it("refuses a body that is not JSON the same way", async () => {
    const { status, body } = await post("auth", "{oops", true);
    expect(status).toBe(200);
    expect(body.error_code).toBe("-5");
  });
});

describe("envelope", () => {
  it("success is HTTP 200 with error_code '00'", async () => {
    const { status, body } = await call("LayDanhSachTTHC", {}, "share");
    expect(status).toBe(200);
    expect(body.error_code).toBe("00");
    const count = sandbox.db.prepare("SELECT COUNT(*) AS n FROM procedures").get() as { n: number };
    expect(body.result).toHaveLength(count.n);
  });

  // "UNIT" stands for the sandbox's unit (known only once it runs).
  it.each([
    ["no session", { madonvi: "UNIT", service: "LayDanhSachTTHC" }, "-1"],
    ["an unknown session", { session: "abc", madonvi: "UNIT", service: "LayDanhSachTTHC" }, "-1"],
    ["an unknown unit", { madonvi: "000.00.00.Z00", service: "LayDanhSachTTHC" }, "-6"],
    ["no unit", { service: "LayDanhSachTTHC" }, "-6"],
    ["an unknown service", { madonvi: "UNIT", service: "XoaHoSo" }, "-7"],
    ["an inherited name", { madonvi: "UNIT", service: "constructor" }, "-7"],
  ])("answers %s with HTTP 200 and its code", async (name, body, code) => {
    const unit = "madonvi" in body && body.madonvi === "UNIT" ? { madonvi } : {};
    const withSession = name === "no session" || "session" in body ? body : { session, ...body };
    const answer = await post("integration", { ...withSession, ...unit });
    expect(answer.status).toBe(200);
    expect(answer.body.error_code).toBe(code);
    expect(typeof answer.body.message).toBe("string");
  });

  it("answers dossier services on the integration URL only", async () => {
    const { body } = await call("TraCuuHoSo", { mahoso: "x" }, "share");
    expect(body.error_code).toBe("-7");
  });

  it("ends sessions after their lifetime, and all at once on request", async () => {
    const short = await startSandbox({ dvcqg: { sessionTtlSeconds: 0 } });
    try {
      const lapsed = await login(short);
      const answer = await fetch(`${short.url}/dvcqg/share`, {
        method: "POST",
        body: JSON.stringify({ session: lapsed, madonvi, service: "LayDanhSachTTHC" }),
      });
      expect(((await answer.json()) as { error_code: string }).error_code).toBe("-1");
    } finally {
      await short.close();
    }
    const mine = await login();
    const expired = await control("/sessions/expire", { body: {} });
    expect(expired.body.result.expired).toBeGreaterThanOrEqual(1);
    const { body } = await post("share", { session: mine, madonvi, service: "LayDanhSachTTHC" });
    expect(body).toMatchObject({ error_code: "-1", message: expect.stringContaining("hết hạn") });
    session = await login();
  });
});

describe("LayThuTuc", () => {
  it("builds the upper-case tree from the world's procedure", async () => {
    const { body } = await call("LayThuTuc", { maTTHC: "1.001193" }, "share");
    const [tree] = body.result;
    expect(tree).toMatchObject({
      MATTHC: "1.001193",
      TENTTHC: "Đăng ký khai sinh",
      MUCDO: "4",
      LINHVUCTHUCHIEN: [{ TENLINHVUC: "Hộ tịch" }],
      COQUANTHUCHIEN: [{ MADONVI: "001.01.00.H99" }],
    });
    // Half a working day is stated in hours; no fee means no fee lines.
    expect(tree.CACHTHUCTHUCHIEN.map((c: any) => c.KENH)).toEqual(["1", "2"]);
    expect(tree.CACHTHUCTHUCHIEN[1].THOIGIAN[0]).toMatchObject({
      THOIGIANGIAIQUYET: "4",
      DONVITINH: "Giờ làm việc",
      PHILEPHI: [],
    });
    expect(tree.THANHPHANHOSO[0].GIAYTO[0]).toMatchObject({
      TENGIAYTO: "Tờ khai đăng ký khai sinh",
      SOBANCHINH: "1",
      SOBANSAO: "0",
    });
    expect(tree.CANCUPHAPLY).toContainEqual({
      SOVANBAN: "60/2014/QH13",
      TENVANBAN: "Luật Hộ tịch số 60/2014/QH13",
    });
  });

  it("states fees in PHILEPHI", async () => {
    const row = sandbox.db
      .prepare("SELECT code, fee_amount FROM procedures WHERE fee_amount > 0 LIMIT 1")
      .get() as { code: string; fee_amount: number };
    const { body } = await call("LayThuTuc", { maTTHC: row.code });
    expect(body.result[0].CACHTHUCTHUCHIEN[0].THOIGIAN[0].PHILEPHI).toEqual([
      { SOTIEN: String(row.fee_amount), DONVI: "Đồng", MOTA: "Lệ phí" },
    ]);
  });

  it("answers an unknown code with an empty result", async () => {
    const { body } = await call("LayThuTuc", { maTTHC: "9.999999" });
    expect(body).toMatchObject({ error_code: "00", result: [] });
  });
});

describe("TraCuuHoSo", () => {
  it("answers a world dossier in the DongBoHoSoMC shape, dates yyyyMMddHHmmss", async () => {
    const code = sampleCode("da_tiep_nhan", 0);
    const { body } = await call("TraCuuHoSo", { mahoso: code });
    const [record] = body.result;
    const row = sandbox.db
      .prepare("SELECT applicant_id_number, submitted_at FROM dossiers WHERE code = ?")
      .get(code) as { applicant_id_number: string; submitted_at: number };
    expect(record).toMatchObject({
      MaHoSo: code,
      TrangThaiHoSo: "2",
      SoGiayToChuHoSo: row.applicant_id_number,
    });
    expect(record.NgayNopHoSo).toMatch(/^\d{14}$/);
    expect(new Date(row.submitted_at).toISOString()).toBe(
      new Date(
        `${record.NgayNopHoSo.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, "$1-$2-$3T$4:$5:$6")}+07:00`,
      ).toISOString(),
    );
    expect(record.QuaTrinhXuLy.map((s: any) => s.TrangThai)).toEqual(["1", "2"]);
  });

  it("links files the portal can fetch", async () => {
    const withFile = sandbox.db
      .prepare("SELECT owner_id, size FROM attachments WHERE owner_kind = 'dossier' LIMIT 1")
      .get() as { owner_id: string; size: number };
    const { body } = await call("TraCuuHoSo", { mahoso: withFile.owner_id });
    const url = body.result[0].TaiLieuNop[0].DuongDanTaiTepTin as string;
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(withFile.size);
  });

  it("answers an unknown code with an empty result, a missing one with -5", async () => {
    expect((await call("TraCuuHoSo", { mahoso: `${madonvi}-240101-9999` })).body).toMatchObject({
      error_code: "00",
      result: [],
    });
    expect((await call("TraCuuHoSo", {})).body.error_code).toBe("-5");
  });

  it("reports a status override raw, as DVCQG's own keywords", async () => {
    const code = sampleCode("dang_xu_ly", 0);
    const set = await control(`/dossiers/${code}/wire-status`, {
      method: "PUT",
      body: { status: "interoperating" },
    });
    expect(set.status).toBe(200);
    expect((await call("TraCuuHoSo", { mahoso: code })).body.result[0].TrangThaiHoSo).toBe(
      "interoperating",
    );
    await control(`/dossiers/${code}/wire-status`, { method: "PUT", body: { status: null } });
    expect((await call("TraCuuHoSo", { mahoso: code })).body.result[0].TrangThaiHoSo).toBe("4");
  });
});

describe("DongBoHoSoMC", () => {
  it("creates a dossier the canonical API serves, with a verification secret", async () => {
    const record = hoSo(1, {
      TaiLieuNop: [{ TepDinhKemId: "f1", DuongDanTaiTepTin: "https://x/f1" }],
    });
    const { status, body } = await call("DongBoHoSoMC", { isUpdating: "False", data: [record] });
    expect(status).toBe(200);
    expect(body.error_code).toBe("00");
    const canonical = await fetch(`${sandbox.url}/portal/v1/dossiers/${record.MaHoSo}`, {
      headers: admin(),
    });
    expect(canonical.status).toBe(200);
    expect(await canonical.json()).toMatchObject({
      status: "da_tiep_nhan",
      channel: "truc_tuyen",
      applicant: { fullName: "Lê Thị Hồng Nhung", maskedIdNumber: "********1234" },
      submittedAt: "2024-05-24T08:15:00+07:00",
      appointmentAt: "2024-05-31T17:00:00+07:00",
    });
    const { body: secret } = await control(`/dossiers/${record.MaHoSo}/secret`);
    const citizen = await fetch(`${sandbox.url}/portal/v1/dossiers/${record.MaHoSo}`, {
      headers: {
        authorization: `Bearer ${sandbox.credentials.bot.apiKey}`,
        "x-verification-secret": secret.result.secret,
      },
    });
    expect(citizen.status).toBe(200);
    // The portal keeps what it alone carries.
    const back = (await call("TraCuuHoSo", { mahoso: record.MaHoSo })).body.result[0];
    expect(back.TaiLieuNop).toEqual([{ TepDinhKemId: "f1", DuongDanTaiTepTin: "https://x/f1" }]);
    expect(
      sandbox.db
        .prepare(
          "SELECT COUNT(*) AS n FROM events WHERE type = 'dossier.status_changed' AND payload LIKE ?",
        )
        .get(`%${record.MaHoSo}%`),
    ).toEqual({ n: 1 });
  });

  it("answers a second creation with -3 'đã tồn tại', and creates nothing of a failed batch", async () => {
    const existing = hoSo(2);
    await call("DongBoHoSoMC", { isUpdating: "False", data: [existing] });
    const fresh = hoSo(3);
    const { status, body } = await call("DongBoHoSoMC", {
      isUpdating: "False",
      data: [fresh, existing],
    });
    expect(status).toBe(200);
    expect(body).toEqual({ error_code: "-3", message: `Hồ sơ ${existing.MaHoSo} đã tồn tại` });
    expect(sandbox.db.prepare("SELECT 1 FROM dossiers WHERE code = ?").get(fresh.MaHoSo)).toBe(
      undefined,
    );
  });

  it("updates with isUpdating True, moving the status with a history entry", async () => {
    const record = hoSo(4);
    await call("DongBoHoSoMC", { isUpdating: "False", data: [record] });
    const { body } = await call("DongBoHoSoMC", {
      isUpdating: "True",
      data: [
        { ...record, TrangThaiHoSo: "3", NgayTuChoi: "20240524100000", GhiChu: "Thiếu giấy tờ" },
      ],
    });
    expect(body.error_code).toBe("00");
    const history = (await (
      await fetch(`${sandbox.url}/portal/v1/dossiers/${record.MaHoSo}/history`, {
        headers: admin(),
      })
    ).json()) as { data: { status: string; note: string | null }[] };
    expect(history.data.map((h) => [h.status, h.note])).toEqual([
      ["da_tiep_nhan", "Đồng bộ hồ sơ từ hệ thống một cửa"],
      ["khong_tiep_nhan", "Thiếu giấy tờ"],
    ]);
    expect((await call("TraCuuHoSo", { mahoso: record.MaHoSo })).body.result[0].NgayTuChoi).toBe(
      "20240524100000",
    );
  });

  it("answers an update of an unknown dossier with -4", async () => {
    const { body } = await call("DongBoHoSoMC", { isUpdating: "True", data: [hoSo(5)] });
    expect(body.error_code).toBe("-4");
  });

  it.each([
    ["isUpdating", { isUpdating: "yes", data: [{}] }, "isUpdating"],
    ["an empty batch", { isUpdating: "False", data: [] }, "data"],
    ["a bad date", { isUpdating: "False", data: [{ NgayNopHoSo: "2024-05-24" }] }, "NgayNopHoSo"],
    [
      "an English status key",
      { isUpdating: "False", data: [{ TrangThaiHoSo: "done" }] },
      "TrangThaiHoSo",
    ],
    [
      "a long summary",
      { isUpdating: "False", data: [{ TrichYeuHoSo: "x".repeat(1001) }] },
      "TrichYeuHoSo",
    ],
    [
      "no identity number",
      { isUpdating: "False", data: [{ SoGiayToChuHoSo: "" }] },
      "SoGiayToChuHoSo",
    ],
    ["a bad code", { isUpdating: "False", data: [{ MaHoSo: "ABC" }] }, "MaHoSo"],
    ["an unknown procedure", { isUpdating: "False", data: [{ MaTTHC: "9.999999" }] }, "MaTTHC"],
  ])("refuses %s with -5 naming it", async (_, params, field) => {
    const data = (params.data as Record<string, unknown>[]).map((d, i) => hoSo(10 + i, d));
    const { body } = await call("DongBoHoSoMC", { ...params, data });
    expect(body.error_code).toBe("-5");
    expect(body.message).toContain(field);
  });

  it("refuses a duplicate code within one batch", async () => {
    const { body } = await call("DongBoHoSoMC", {
      isUpdating: "False",
      data: [hoSo(20), hoSo(20)],
    });
    expect(body).toMatchObject({ error_code: "-5", message: expect.stringContaining("trùng") });
  });
});

describe("CapNhatTienDoHoSoMC", () => {
  const step = (code: string, i: number, overrides: Record<string, unknown> = {}) => ({
    MaHoSo: code,
    NguoiXuLy: "Trần Văn Bình",
    ChucDanh: "Chuyên viên",
    ThoiDiemXuLy: `202405241${String(i).padStart(3, "0")}00`.slice(0, 14),
    PhongBanXuLy: "Phòng Hộ tịch",
    NoiDungXuLy: `Bước ${i}`,
    TrangThai: "4",
    ...overrides,
  });

  it("records steps as history and moves the status", async () => {
    const code = sampleCode("da_tiep_nhan", 1);
    const { body } = await call("CapNhatTienDoHoSoMC", {
      data: [step(code, 1), step(code, 2, { TrangThai: "5", NoiDungXuLy: "Bổ sung bản sao CCCD" })],
    });
    expect(body.error_code).toBe("00");
    const dossier = (await (
      await fetch(`${sandbox.url}/portal/v1/dossiers/${code}`, { headers: admin() })
    ).json()) as any;
    expect(dossier).toMatchObject({
      status: "yeu_cau_bo_sung",
      pendingAction: { kind: "supplement", note: "Bổ sung bản sao CCCD" },
    });
    const steps = (await call("TraCuuHoSo", { mahoso: code })).body.result[0].QuaTrinhXuLy;
    expect(steps.slice(-2)).toMatchObject([
      {
        TrangThai: "4",
        ChucDanh: "Chuyên viên",
        PhongBanXuLy: "Phòng Hộ tịch",
        NoiDungXuLy: "Bước 1",
      },
      { TrangThai: "5", NoiDungXuLy: "Bổ sung bản sao CCCD" },
    ]);
  });

  it("refuses more than 10 steps, and a batch with an unknown dossier as a whole", async () => {
    const code = sampleCode("da_tiep_nhan", 2);
    const many = Array.from({ length: 11 }, (_, i) => step(code, i));
    expect((await call("CapNhatTienDoHoSoMC", { data: many })).body).toMatchObject({
      error_code: "-5",
      message: expect.stringContaining("tối đa 10"),
    });
    const before = sandbox.db
      .prepare("SELECT COUNT(*) AS n FROM dossier_history WHERE dossier_code = ?")
      .get(code);
    const { body } = await call("CapNhatTienDoHoSoMC", {
      data: [step(code, 1), step(`${madonvi}-240101-9999`, 2)],
    });
    expect(body.error_code).toBe("-4");
    expect(
      sandbox.db
        .prepare("SELECT COUNT(*) AS n FROM dossier_history WHERE dossier_code = ?")
        .get(code),
    ).toEqual(before);
  });

  it("refuses a step without a valid time", async () => {
    const code = sampleCode("da_tiep_nhan", 2);
    const { body } = await call("CapNhatTienDoHoSoMC", {
      data: [step(code, 1, { ThoiDiemXuLy: "20241332000000" })],
    });
    expect(body).toMatchObject({
      error_code: "-5",
      message: expect.stringContaining("ThoiDiemXuLy"),
    });
  });
});

describe("controls", () => {
  it("shows the credentials and the calls answered", async () => {
    const credentials = await control("/credentials");
    expect(credentials.body.result).toEqual(sandbox.dvcqg.credentials);
    await call("LayThuTuc", { maTTHC: "1.001193" }, "share");
    await call("XoaHoSo");
    const calls = await control("/calls");
    expect(calls.body.result).toEqual([
      { endpoint: "share", service: "LayThuTuc", errorCode: "00" },
      { endpoint: "integration", service: "XoaHoSo", errorCode: "-7" },
    ]);
  });

  it("rejects a bad status override", async () => {
    const { status } = await control("/dossiers/x/wire-status", {
      method: "PUT",
      body: { status: 4 },
    });
    expect(status).toBe(400);
  });
});
