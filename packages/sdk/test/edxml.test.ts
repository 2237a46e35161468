import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ApiDocument,
  type ApiDocumentType,
  type ApiUrgency,
  buildEdxml,
  buildEdxmlStatus,
  documentToEdxml,
  documentTypeFromEdxml,
  EDXML_DOCUMENT_TYPES,
  EDXML_NAMESPACE,
  EDXML_STATUS,
  EDXML_STATUS_CODES,
  type EdxmlAttachment,
  EdxmlError,
  type EdxmlErrorCode,
  type EdxmlMessage,
  type EdxmlStatus,
  type EdxmlStatusCode,
  edxmlToDocumentInput,
  formatEdxmlDocumentId,
  parseEdxml,
  parseEdxmlDocumentId,
  parseEdxmlStatus,
} from "../src/edxml/index.js";
import { REQUIRED_HEADER_KEYS } from "./edxml-helpers.js";

const NS = EDXML_NAMESPACE;
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/** Asserts that `run` throws an `EdxmlError` with `code` (and nothing else). */
function expectEdxmlError(run: () => unknown, code: EdxmlErrorCode, path?: string): EdxmlError {
  let thrown: unknown;
  try {
    run();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(EdxmlError);
  const error = thrown as EdxmlError;
  expect(error.code, error.message).toBe(code);
  if (path !== undefined) expect(error.path).toBe(path);
  return error;
}

function sampleMessage(): EdxmlMessage {
  return {
    header: {
      from: {
        organId: "000.00.00.G22",
        organInCharge: "Chính phủ",
        organName: "Văn phòng Chính phủ",
        organAdd: "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội",
        email: "vpcp@chinhphu.vn",
        telephone: "080 43100",
        fax: "080 44130",
        website: "vpcp.chinhphu.vn",
      },
      to: [
        { organId: "000.00.00.H41", organName: "UBND tỉnh Nghệ An" },
        { organId: "000.00.00.H26", organName: "UBND tỉnh Hà Tĩnh" },
        { organId: "000.00.00.H56" },
      ],
      code: { codeNumber: "16", codeNotation: "CT-TTg" },
      promulgationInfo: { place: "Hà Nội", date: "2020-03-31" },
      documentType: { type: 4, typeDetail: 0, typeName: "Chỉ thị" },
      subject: `Về việc thực hiện Chỉ thị 16/CT-TTg & các biện pháp <cấp bách> "phòng, chống" 'dịch' ]]>`,
      content: "  Dòng một\nDòng hai\twith tab  ",
      signerInfo: {
        competence: "KT. THỦ TƯỚNG",
        position: "Phó Thủ tướng",
        fullName: "Nguyễn Thị Hoà",
      },
      dueDate: "2020-04-15",
      toPlaces: ["Các Bộ, cơ quan ngang Bộ", "UBND các tỉnh, TP trực thuộc TW"],
      otherInfo: {
        priority: 3,
        sphereOfPromulgation: "Liên thông văn bản quốc gia",
        typerNotation: "TVC",
        promulgationAmount: 2,
        pageAmount: 4,
        direction: false,
        appendixes: ["Phụ lục I", "Phụ lục II"],
      },
      steeringType: 1,
      documentId: "000.00.00.G22,2020/03/31,16/CT-TTg",
      responseFor: [
        {
          organId: "000.00.00.H41",
          code: "15/BC-UBND",
          promulgationDate: "2020-03-20",
          documentId: "000.00.00.H41,2020/03/20,15/BC-UBND",
        },
      ],
      traceHeaderList: {
        traceHeaders: [{ organId: "000.00.00.G22", timestamp: "2020-03-31T16:45:00+07:00" }],
        business: {
          documentId: "000.00.00.G22,2020/03/31,16/CT-TTg",
          businessDocType: 0,
          businessDocReason: "Văn bản điện tử mới",
          paper: 0,
          staffInfo: {
            department: "Văn thư",
            staff: "Trần Văn Bình",
            email: "vanthu@chinhphu.vn",
            mobile: "0912000001",
          },
          businessDocumentInfo: {
            documentInfo: 1,
            documentReceiver: 0,
            receiverList: [{ organId: "000.00.00.H41", receiverType: 1 }],
          },
          replacementInfoList: [
            { documentId: "000.00.00.G22,2020/03/30,15/CT-TTg", organIds: ["000.00.00.H41"] },
          ],
        },
      },
    },
    attachments: [
      {
        contentId: "cid:1",
        contentType: "application/pdf",
        description: "Chỉ thị đã ký số",
        fileName: "16-CT-TTg.pdf",
        data: ALL_BYTES,
      },
      {
        contentId: "cid:2",
        contentType: "application/octet-stream",
        fileName: "trống.bin",
        data: new Uint8Array(),
      },
    ],
  };
}

/** A minimal valid document, for tests that break one part of it. */
const MINIMAL = `<?xml version="1.0" encoding="UTF-8"?>
<edXML:edXMLEnvelope xmlns:edXML="${NS}">
  <edXML:edXMLHeader>
    <edXML:MessageHeader>
      <edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:From>
      <edXML:To><edXML:OrganId>000.00.00.H41</edXML:OrganId></edXML:To>
      <edXML:DocumentId>000.00.00.G22,2021/07/20,05/VPCP-TTĐT</edXML:DocumentId>
      <edXML:Code><edXML:CodeNumber>05</edXML:CodeNumber><edXML:CodeNotation>VPCP-TTĐT</edXML:CodeNotation></edXML:Code>
      <edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place><edXML:PromulgationDate>2021/07/20</edXML:PromulgationDate></edXML:PromulgationInfo>
      <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
      <edXML:Subject>V/v kết nối</edXML:Subject>
      <edXML:SignerInfo><edXML:Position>Chánh Văn phòng</edXML:Position><edXML:FullName>Lê Văn A</edXML:FullName></edXML:SignerInfo>
      <edXML:OtherInfo><edXML:Priority>0</edXML:Priority></edXML:OtherInfo>
    </edXML:MessageHeader>
  </edXML:edXMLHeader>
  <edXML:edXMLBody>
    <edXML:edXMLManifest version="1.0">
      <edXML:Reference><edXML:ContentId>cid:9</edXML:ContentId><edXML:ContentType>text/plain</edXML:ContentType><edXML:AttachmentName>a.txt</edXML:AttachmentName></edXML:Reference>
    </edXML:edXMLManifest>
  </edXML:edXMLBody>
  <edXML:AttachmentEncoded>
    <edXML:Attachment><edXML:ContentId>cid:9</edXML:ContentId><edXML:ContentTransferEncoded>aGk=</edXML:ContentTransferEncoded></edXML:Attachment>
  </edXML:AttachmentEncoded>
</edXML:edXMLEnvelope>`;

/** MINIMAL with `search` replaced by `replacement` (which must occur). */
function variant(search: string | RegExp, replacement: string): string {
  const out = MINIMAL.replace(search, replacement);
  if (out === MINIMAL) throw new Error(`variant: ${String(search)} not found`);
  return out;
}

describe("buildEdxml / parseEdxml", () => {
  it("round-trips a full message, Vietnamese text, markup characters and all 256 byte values", () => {
    const message = sampleMessage();
    const xml = buildEdxml(message);
    const back = parseEdxml(xml);
    expect(back).toEqual(message);
    expect(back.header.signerInfo.fullName).toBe("Nguyễn Thị Hoà");
    expect(back.header.subject.normalize("NFC")).toBe(back.header.subject);
    expect(back.header.to.map((o) => o.organId)).toEqual([
      "000.00.00.H41",
      "000.00.00.H26",
      "000.00.00.H56",
    ]);
    const bytes = back.attachments[0]?.data;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes ?? [])).toEqual(Array.from(ALL_BYTES));
    expect(back.attachments[1]?.data.length).toBe(0);
  });

  it("is byte-stable: build(parse(build(m))) === build(m), and deterministic", () => {
    const xml = buildEdxml(sampleMessage());
    expect(buildEdxml(parseEdxml(xml))).toBe(xml);
    expect(buildEdxml(sampleMessage())).toBe(xml);
  });

  it("writes the QCVN 102 envelope with the edXML prefix, escaped text and base64", () => {
    const xml = buildEdxml(sampleMessage());
    expect(
      xml.startsWith(
        `<?xml version="1.0" encoding="UTF-8"?>\n<edXML:edXMLEnvelope xmlns:edXML="${NS}">`,
      ),
    ).toBe(true);
    expect(xml).toContain("<edXML:CodeNumber>16</edXML:CodeNumber>");
    expect(xml).toContain("<edXML:PromulgationDate>2020/03/31</edXML:PromulgationDate>");
    expect(xml).toContain("<edXML:Timestamp>2020/03/31 16:45:00</edXML:Timestamp>");
    expect(xml).toContain("<edXML:BussinessDocType>0</edXML:BussinessDocType>");
    expect(xml).toContain("&amp; các biện pháp &lt;cấp bách&gt; &quot;phòng, chống&quot;");
    expect(xml).toContain('<edXML:edXMLManifest version="1.0">');
    expect(xml).toContain(Buffer.from(ALL_BYTES).toString("base64"));
    const order = [
      "From",
      "To",
      "DocumentId",
      "Code",
      "PromulgationInfo",
      "DocumentType",
      "Subject",
    ]
      .concat([
        "Content",
        "SignerInfo",
        "DueDate",
        "OtherInfo",
        "ResponseFor",
        "SteeringType",
        "ToPlaces",
      ])
      .map((name) => xml.indexOf(`<edXML:${name}>`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(xml.includes("\r")).toBe(false);
  });

  it("accepts UTF-8 bytes, with or without a BOM", () => {
    const xml = buildEdxml(sampleMessage());
    const bytes = new TextEncoder().encode(xml);
    expect(parseEdxml(bytes)).toEqual(sampleMessage());
    expect(parseEdxml(Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes))).toEqual(sampleMessage());
    expect(parseEdxml(`\uFEFF${xml}`)).toEqual(sampleMessage());
  });

  it("keeps text as sent: no trimming, no Unicode normalisation, CR LF read as LF", () => {
    const nfd = "Nguyễn Thị Hoà".normalize("NFD");
    const message = sampleMessage();
    message.header.signerInfo.fullName = nfd;
    message.header.subject = "  lề trái\r\nvà phải  ";
    const back = parseEdxml(buildEdxml(message));
    expect(back.header.signerInfo.fullName).toBe(nfd);
    expect(back.header.subject).toBe("  lề trái\nvà phải  ");
  });

  it("reads the VNPT SDK layout: edXML wrapper, default namespace, signature, references", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="${NS}">
  <edXML:edXMLEnvelope xmlns:edXML="${NS}">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From><edXML:OrganId> 002.00.20.H13 </edXML:OrganId><edXML:OrganName>UBND x&#227; H&#x00F2;a Ti&#7871;n</edXML:OrganName></edXML:From>
        <edXML:To><edXML:OrganId>000.00.00.H41</edXML:OrganId></edXML:To>
        <edXML:DocumentId>000.00.00.G22,2015/09/30,7816/VPCP-TTĐT</edXML:DocumentId>
        <edXML:Code><edXML:CodeNumber>7816</edXML:CodeNumber><edXML:CodeNotation>VPCP-TTĐT</edXML:CodeNotation></edXML:Code>
        <edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place><edXML:PromulgationDate>2019/01/16</edXML:PromulgationDate></edXML:PromulgationInfo>
        <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeDetail>0</edXML:TypeDetail><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
        <edXML:Subject><![CDATA[V/v <kết nối> & liên thông]]><!-- ghi chú --> phần mềm</edXML:Subject>
        <edXML:SignerInfo><edXML:Competence>TL. BỘ TRƯỞNG</edXML:Competence><edXML:Position>Cục trưởng</edXML:Position><edXML:FullName>Nguyễn Thanh Phúc</edXML:FullName></edXML:SignerInfo>
        <edXML:DueDate>2018/09/28</edXML:DueDate>
        <edXML:OtherInfo><edXML:Priority>4</edXML:Priority><edXML:Direction>false</edXML:Direction><edXML:Extension>ignored</edXML:Extension></edXML:OtherInfo>
        <edXML:SteeringType>1</edXML:SteeringType>
      </edXML:MessageHeader>
      <Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignatureValue>AAAA</SignatureValue></Signature>
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">
        <edXML:Reference>
          <edXML:ContentId>cid:209</edXML:ContentId>
          <edXML:ContentType>application/zip</edXML:ContentType>
          <edXML:Description>1896_QD-TTg.doc</edXML:Description>
          <edXML:AttachmentName>1896_QD-TTg.doc</edXML:AttachmentName>
        </edXML:Reference>
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded>
    <Attachment>
      <ContentId>cid:209</ContentId>
      <AttachmentName>1896_QD-TTg.doc</AttachmentName>
      <ContentType>application/zip</ContentType>
      <edXML:ContentTransferEncoded xmlns:edXML="${NS}">AAECAwQF
BgcICQ==</edXML:ContentTransferEncoded>
    </Attachment>
  </AttachmentEncoded>
</edXML>`;
    const message = parseEdxml(xml);
    expect(message.header.from).toEqual({
      organId: "002.00.20.H13",
      organName: "UBND xã Hòa Tiến",
    });
    expect(message.header.subject).toBe("V/v <kết nối> & liên thông phần mềm");
    expect(message.header.documentType).toEqual({ type: 1, typeDetail: 0, typeName: "Công văn" });
    expect(message.header.otherInfo).toEqual({ priority: 4, direction: false });
    expect(message.attachments).toEqual([
      {
        contentId: "cid:209",
        contentType: "application/zip",
        description: "1896_QD-TTg.doc",
        fileName: "1896_QD-TTg.doc",
        data: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      },
    ]);
    const input = edxmlToDocumentInput(message);
    expect(input).toMatchObject({
      numberNotation: "7816/VPCP-TTĐT",
      type: "cong_van",
      urgency: "hoa_toc",
      signer: { fullName: "Nguyễn Thanh Phúc", position: "Cục trưởng", authority: "TL" },
    });
  });

  it("resolves namespaces rather than matching the prefix", () => {
    const renamed = MINIMAL.replaceAll("edXML:", "q:").replace("xmlns:q=", "xmlns:q=");
    const message = parseEdxml(renamed.replace(`xmlns:edXML="${NS}"`, `xmlns:q="${NS}"`));
    expect(message.header.code).toEqual({ codeNumber: "05", codeNotation: "VPCP-TTĐT" });
    expect(message.attachments[0]?.fileName).toBe("a.txt");
  });

  it("keeps codes as strings: 05 stays 05", () => {
    const message = parseEdxml(MINIMAL);
    expect(message.header.code.codeNumber).toBe("05");
    expect(message.header.documentType.type).toBe(1);
    expect(parseEdxml(variant("<edXML:Type>1<", "<edXML:Type>01<")).header.documentType.type).toBe(
      "01",
    );
  });
});

describe("malformed input", () => {
  const cases: [string, string | Uint8Array, EdxmlErrorCode][] = [
    ["empty", "", "malformed_xml"],
    ["not XML", "Về việc thực hiện Chỉ thị 16/CT-TTg", "malformed_xml"],
    ["JSON", '{"header":{}}', "malformed_xml"],
    ["truncated", MINIMAL.slice(0, MINIMAL.length / 2), "malformed_xml"],
    ["mismatched tags", variant("</edXML:Subject>", "</edXML:Subjec>"), "malformed_xml"],
    ["two roots", `${MINIMAL}\n<edXML:edXMLEnvelope xmlns:edXML="${NS}"/>`, "malformed_xml"],
    ["bare ampersand", variant("V/v kết nối", "A & B"), "malformed_xml"],
    ["undeclared entity", variant("V/v kết nối", "&nbsp;"), "malformed_xml"],
    ["reference to NUL", variant("V/v kết nối", "&#0;"), "malformed_xml"],
    ["control character", variant("V/v kết nối", "\u0001"), "malformed_xml"],
    ["lone surrogate", variant("V/v kết nối", "\uD800"), "malformed_xml"],
    [
      "unbound prefix",
      variant("<edXML:Subject>V/v kết nối</edXML:Subject>", "<x:Subject>a</x:Subject>"),
      "malformed_xml",
    ],
    [
      "XML declaration later",
      variant("<edXML:edXMLBody>", '<?xml version="1.0"?><edXML:edXMLBody>'),
      "malformed_xml",
    ],
    [
      "XML declaration in an element",
      variant("V/v kết nối", '<?xml version="1.0"?>'),
      "malformed_xml",
    ],
    [
      "not UTF-8",
      Uint8Array.of(0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e),
      "malformed_xml",
    ],
    [
      "declared latin-1",
      new TextEncoder().encode(MINIMAL.replace("UTF-8", "ISO-8859-1")),
      "malformed_xml",
    ],
    ["wrong root", `<edXML:Envelope xmlns:edXML="${NS}"/>`, "not_edxml"],
    ["HTML", "<html><body>edXML</body></html>", "not_edxml"],
    ["wrong namespace", MINIMAL.replace(NS, "http://www.go.vn/eDoc"), "not_edxml"],
    [
      "no namespace",
      MINIMAL.replaceAll("edXML:", "").replace(` xmlns:edXML="${NS}"`, ""),
      "not_edxml",
    ],
    ["wrapper without envelope", `<edXML xmlns="${NS}"><AttachmentEncoded/></edXML>`, "not_edxml"],
    ["missing Code", variant(/<edXML:Code>.*<\/edXML:Code>/, ""), "missing_field"],
    ["missing CodeNumber", variant("<edXML:CodeNumber>05</edXML:CodeNumber>", ""), "missing_field"],
    [
      "empty OrganId",
      variant("<edXML:OrganId>000.00.00.G22</edXML:OrganId>", "<edXML:OrganId> </edXML:OrganId>"),
      "missing_field",
    ],
    ["no To", variant(/<edXML:To>.*<\/edXML:To>/, ""), "missing_field"],
    ["no header", variant(/<edXML:edXMLHeader>[\s\S]*<\/edXML:edXMLHeader>/, ""), "missing_field"],
    [
      "manifest entry without content",
      variant(/<edXML:AttachmentEncoded>[\s\S]*<\/edXML:AttachmentEncoded>/, ""),
      "missing_field",
    ],
    ["bad base64", variant(">aGk=<", ">aGk*<"), "invalid_field"],
    ["base64 bad padding", variant(">aGk=<", ">aGk<"), "invalid_field"],
    [
      "impossible date",
      variant("<edXML:PromulgationDate>2021/07/20", "<edXML:PromulgationDate>2021/02/30"),
      "invalid_field",
    ],
    [
      "ISO date on the wire",
      variant("<edXML:PromulgationDate>2021/07/20", "<edXML:PromulgationDate>2021-07-20"),
      "invalid_field",
    ],
    ["priority out of range", variant("<edXML:Priority>0<", "<edXML:Priority>9<"), "invalid_field"],
    [
      "priority not a number",
      variant("<edXML:Priority>0<", "<edXML:Priority>khẩn<"),
      "invalid_field",
    ],
    ["element in a text field", variant("V/v kết nối", "<edXML:b>x</edXML:b>"), "invalid_field"],
    [
      "repeated Subject",
      variant("</edXML:Subject>", "</edXML:Subject><edXML:Subject>2</edXML:Subject>"),
      "invalid_field",
    ],
    [
      "repeated ContentId",
      variant(
        "</edXML:Attachment>",
        "</edXML:Attachment><edXML:Attachment><edXML:ContentId>cid:9</edXML:ContentId><edXML:ContentTransferEncoded></edXML:ContentTransferEncoded></edXML:Attachment>",
      ),
      "invalid_field",
    ],
  ];

  it.each(cases)("%s", (_name, input, code) => {
    expectEdxmlError(() => parseEdxml(input), code);
  });

  it("names the missing element in path", () => {
    expectEdxmlError(
      () => parseEdxml(variant("<edXML:CodeNumber>05</edXML:CodeNumber>", "")),
      "missing_field",
      "edXMLEnvelope/edXMLHeader/MessageHeader/Code/CodeNumber",
    );
    expectEdxmlError(
      () => parseEdxml(variant(">aGk=<", ">!!<")),
      "invalid_field",
      "edXMLEnvelope/AttachmentEncoded/Attachment[1]/ContentTransferEncoded",
    );
  });

  it("refuses DTDs: entity-expansion bombs and external entities never expand", () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE edXML:edXMLEnvelope [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
${MINIMAL.replace(/^<\?xml[^>]*>\n/, "").replace("V/v kết nối", "&f;")}`;
    const xxe = `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${MINIMAL.replace(/^<\?xml[^>]*>\n/, "").replace("V/v kết nối", "&x;")}`;
    const started = Date.now();
    expectEdxmlError(() => parseEdxml(bomb), "malformed_xml");
    expectEdxmlError(() => parseEdxml(xxe), "malformed_xml");
    expectEdxmlError(
      () => parseEdxml(`<!DOCTYPE html>${MINIMAL.replace(/^<\?xml[^>]*>\n/, "")}`),
      "malformed_xml",
    );
    expectEdxmlError(
      () => parseEdxml(variant("<edXML:Subject>", "<edXML:Subject><!ENTITY x 'y'>")),
      "malformed_xml",
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("allows DOCTYPE-looking text inside CDATA and comments", () => {
    const message = parseEdxml(
      variant(
        "V/v kết nối",
        "<![CDATA[<!DOCTYPE html><?xml version='1.0'?>]]><!-- <!ENTITY x 'y'> -->",
      ),
    );
    expect(message.header.subject).toBe("<!DOCTYPE html><?xml version='1.0'?>");
  });

  it("refuses deeply nested input without overflowing the stack", () => {
    const deep = `${"<a>".repeat(10_000)}${"</a>".repeat(10_000)}`;
    expectEdxmlError(() => parseEdxml(deep), "malformed_xml");
    const deepInside = variant(
      "V/v kết nối",
      `${"<edXML:x>".repeat(200)}${"</edXML:x>".repeat(200)}`,
    );
    expectEdxmlError(() => parseEdxml(deepInside), "malformed_xml");
  });

  it("refuses non-string input from untyped callers", () => {
    for (const input of [undefined, null, 42, {}, [], new ArrayBuffer(4)]) {
      expectEdxmlError(() => parseEdxml(input as unknown as string), "malformed_xml");
      expectEdxmlError(() => parseEdxmlStatus(input as unknown as string), "malformed_xml");
    }
  });
});

describe("buildEdxml validation", () => {
  it("refuses what it cannot write faithfully, naming the model path", () => {
    const cases: [(m: EdxmlMessage) => void, EdxmlErrorCode, string][] = [
      [
        (m) => {
          m.header.subject = "bell \u0007";
        },
        "invalid_field",
        "header.subject",
      ],
      [
        (m) => {
          m.header.subject = "half \uD83D";
        },
        "invalid_field",
        "header.subject",
      ],
      [
        (m) => {
          m.header.to = [];
        },
        "missing_field",
        "header.to",
      ],
      [
        (m) => {
          m.header.code.codeNumber = " ";
        },
        "missing_field",
        "header.code.codeNumber",
      ],
      [
        (m) => {
          m.header.code.codeNotation = " CT-TTg";
        },
        "invalid_field",
        "header.code.codeNotation",
      ],
      [
        (m) => {
          m.header.promulgationInfo.date = "2020/03/31";
        },
        "invalid_field",
        "header.promulgationInfo.date",
      ],
      [
        (m) => {
          m.header.dueDate = "2021-02-29";
        },
        "invalid_field",
        "header.dueDate",
      ],
      [
        (m) => {
          m.header.otherInfo.priority = 5;
        },
        "invalid_field",
        "header.otherInfo.priority",
      ],
      [
        (m) => {
          m.header.otherInfo.pageAmount = 1.5;
        },
        "invalid_field",
        "header.otherInfo.pageAmount",
      ],
      [
        (m) => {
          (m.header as any).from = undefined;
        },
        "missing_field",
        "header.from",
      ],
      [
        (m) => {
          (m.header.traceHeaderList as any).traceHeaders[0].timestamp = "2020-03-31 16:45";
        },
        "invalid_field",
        "header.traceHeaderList.traceHeaders[0].timestamp",
      ],
      [
        (m) => {
          (m.attachments[1] as EdxmlAttachment).contentId = "cid:1";
        },
        "invalid_field",
        "attachments[1].contentId",
      ],
      [
        (m) => {
          (m.attachments[0] as any).data = "AAEC";
        },
        "invalid_field",
        "attachments[0].data",
      ],
      [
        (m) => {
          (m.attachments[0] as EdxmlAttachment).fileName = "";
        },
        "missing_field",
        "attachments[0].fileName",
      ],
    ];
    for (const [mutate, code, path] of cases) {
      const message = sampleMessage();
      mutate(message);
      expectEdxmlError(() => buildEdxml(message), code, path);
    }
    expectEdxmlError(() => buildEdxml(null as unknown as EdxmlMessage), "missing_field", "message");
  });

  it("converts timestamps with other offsets to Vietnam time", () => {
    const message = sampleMessage();
    (message.header.traceHeaderList as any).traceHeaders[0].timestamp = "2020-03-31T20:30:00.250Z";
    const back = parseEdxml(buildEdxml(message));
    expect(back.header.traceHeaderList?.traceHeaders[0]?.timestamp).toBe(
      "2020-04-01T03:30:00+07:00",
    );
  });
});

describe("status packets", () => {
  const status = (statusCode: EdxmlStatusCode): EdxmlStatus => ({
    from: { organId: "000.00.00.H41", organName: "UBND tỉnh Nghệ An" },
    responseFor: {
      organId: "000.00.00.G22",
      code: "16/CT-TTg",
      promulgationDate: "2020-03-31",
      documentId: "000.00.00.G22,2020/03/31,16/CT-TTg",
    },
    statusCode,
    description: `Văn thư - Phòng Văn thư - Lưu trữ: ${EDXML_STATUS[statusCode].vi} & <ok>`,
    timestamp: "2020-04-01T08:05:09+07:00",
    staffInfo: {
      department: "Văn thư",
      staff: "Nguyễn Thị Hoà",
      email: "vt@nghean.gov.vn",
      mobile: "0912345678",
    },
  });

  it.each(EDXML_STATUS_CODES)("round-trips status %s", (code) => {
    const xml = buildEdxmlStatus(status(code));
    expect(xml).toContain(`<edXML:StatusCode>${code}</edXML:StatusCode>`);
    expect(xml).toContain("<edXML:Timestamp>2020/04/01 08:05:09</edXML:Timestamp>");
    const back = parseEdxmlStatus(xml);
    expect(back).toEqual(status(code));
    expect(buildEdxmlStatus(back)).toBe(xml);
  });

  it("has a meaning for every code in both languages", () => {
    expect(EDXML_STATUS_CODES).toEqual(["01", "02", "03", "04", "05", "06", "13", "15", "16"]);
    expect(Object.keys(EDXML_STATUS).sort()).toEqual([...EDXML_STATUS_CODES]);
    expect(EDXML_STATUS["02"]).toEqual({ vi: "Từ chối tiếp nhận", en: "rejected" });
    expect(EDXML_STATUS["15"].en).toBe("recall accepted");
  });

  it("round-trips a minimal status", () => {
    const minimal: EdxmlStatus = { ...status("06") };
    delete minimal.description;
    delete minimal.staffInfo;
    expect(parseEdxmlStatus(buildEdxmlStatus(minimal))).toEqual(minimal);
  });

  it("reads one-digit codes, dd/MM/yyyy timestamps and dates with a time", () => {
    const xml = buildEdxmlStatus(status("03"))
      .replace(">03<", ">3<")
      .replace("2020/04/01 08:05:09", "01/04/2020 08:05:09")
      .replace("<edXML:PromulgationDate>2020/03/31", "<edXML:PromulgationDate>2020/03/31 17:19:16");
    const back = parseEdxmlStatus(xml);
    expect(back.statusCode).toBe("03");
    expect(back.timestamp).toBe("2020-04-01T08:05:09+07:00");
    expect(back.responseFor.promulgationDate).toBe("2020-03-31");
  });

  it("refuses unknown codes, bad timestamps and document messages", () => {
    const xml = buildEdxmlStatus(status("01"));
    expectEdxmlError(() => parseEdxmlStatus(xml.replace(">01<", ">07<")), "invalid_field");
    expectEdxmlError(
      () => parseEdxmlStatus(xml.replace("2020/04/01 08:05:09", "2020/04/01 25:00:00")),
      "invalid_field",
    );
    expectEdxmlError(
      () => parseEdxmlStatus(xml.replace(/<edXML:Timestamp>.*<\/edXML:Timestamp>/, "")),
      "missing_field",
    );
    expectEdxmlError(
      () => parseEdxmlStatus(MINIMAL),
      "missing_field",
      "edXMLEnvelope/edXMLHeader/Status",
    );
    expectEdxmlError(() => parseEdxml(xml), "missing_field");
    expectEdxmlError(
      () => buildEdxmlStatus({ ...status("01"), statusCode: "07" as EdxmlStatusCode }),
      "invalid_field",
      "status.statusCode",
    );
    expectEdxmlError(
      () => buildEdxmlStatus({ ...status("01"), timestamp: "2020-04-01T08:05:09" }),
      "invalid_field",
      "status.timestamp",
    );
  });
});

describe("Document API conversion", () => {
  const doc = (overrides: Partial<ApiDocument> = {}): ApiDocument => ({
    id: "doc_01HX0000000000",
    numberNotation: "16/CT-TTg",
    type: "chi_thi",
    issuerName: "Thủ tướng Chính phủ",
    issuerAgencyCode: "000.00.00.G22",
    subject: `Về việc thực hiện Chỉ thị 16/CT-TTg & "cách ly xã hội" <ngay>`,
    summary: "Thực hiện cách ly toàn xã hội trong vòng 15 ngày.",
    signer: { fullName: "Nguyễn Thị Hoà", position: "Thủ tướng", authority: null },
    issuedAt: "2020-03-31",
    dueAt: "2020-04-15T17:00:00+07:00",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    ...overrides,
  });
  const from = { organId: "000.00.00.G22", organName: "Văn phòng Chính phủ" };
  const to = [{ organId: "000.00.00.H41" }, { organId: "000.00.00.H26" }];
  const files = [
    { fileName: "16-CT-TTg.pdf", contentType: "application/pdf", data: ALL_BYTES },
    {
      fileName: "phu-luc.docx",
      contentType: "application/octet-stream",
      data: Uint8Array.of(9, 8, 7),
    },
  ];
  const roundTrip = (d: ApiDocument) =>
    edxmlToDocumentInput(
      parseEdxml(buildEdxml(documentToEdxml(d, { from, to, attachments: files, place: "Hà Nội" }))),
    );

  it("round-trips number/notation, type, subject, signer, dates, urgency and attachment bytes", () => {
    const input = roundTrip(
      doc({ signer: { fullName: "Nguyễn Thị Hoà", position: "Phó Thủ tướng", authority: "KT" } }),
    );
    expect(input).toEqual({
      direction: "incoming",
      numberNotation: "16/CT-TTg",
      type: "chi_thi",
      issuerName: "Văn phòng Chính phủ",
      issuerAgencyCode: "000.00.00.G22",
      subject: doc().subject,
      summary: doc().summary,
      signer: { fullName: "Nguyễn Thị Hoà", position: "Phó Thủ tướng", authority: "KT" },
      issuedAt: "2020-03-31",
      dueAt: "2020-04-15T23:59:59+07:00",
      urgency: "hoa_toc",
      confidentiality: "thuong",
      attachments: files.map((f) => ({
        fileName: f.fileName,
        contentType: f.contentType,
        contentBase64: Buffer.from(f.data).toString("base64"),
      })),
    });
    expect(Array.from(Buffer.from(input.attachments[0]?.contentBase64 ?? "", "base64"))).toEqual(
      Array.from(ALL_BYTES),
    );
  });

  it("builds the header the way the samples do", () => {
    const message = documentToEdxml(doc({ numberNotation: "30/2020/NĐ-CP", type: "quyet_dinh" }), {
      from,
      to,
    });
    expect(message.header.code).toEqual({ codeNumber: "30", codeNotation: "2020/NĐ-CP" });
    expect(message.header.documentId).toBe("000.00.00.G22,2020/03/31,30/2020/NĐ-CP");
    expect(message.header.documentType).toEqual({ type: 3, typeDetail: 0, typeName: "Quyết định" });
    expect(message.header.otherInfo.priority).toBe(3);
    expect(message.header.dueDate).toBe("2020-04-15");
    expect(message.header.signerInfo).toEqual({
      position: "Thủ tướng",
      fullName: "Nguyễn Thị Hoà",
    });
    expect(message.attachments).toEqual([]);
  });

  it.each(Object.keys(EDXML_DOCUMENT_TYPES) as ApiDocumentType[])("round-trips type %s", (type) => {
    expect(roundTrip(doc({ type, numberNotation: "05/UBND-VX" })).type).toBe(type);
  });

  it.each(["thuong", "khan", "thuong_khan", "hoa_toc"] as ApiUrgency[])(
    "round-trips urgency %s",
    (urgency) => {
      expect(roundTrip(doc({ urgency })).urgency).toBe(urgency);
    },
  );

  it("takes the Vietnam date of dueAt and keeps the other optional fields optional", () => {
    const message = documentToEdxml(doc({ dueAt: "2020-04-15T18:30:00Z", summary: null }), {
      from,
      to,
    });
    expect(message.header.dueDate).toBe("2020-04-16");
    expect(message.header.content).toBeUndefined();
    const input = edxmlToDocumentInput(
      documentToEdxml(doc({ dueAt: null, summary: null, urgency: undefined }), { from, to }),
    );
    expect(input.dueAt).toBeUndefined();
    expect(input.summary).toBeUndefined();
    expect(input.urgency).toBe("thuong");
  });

  it("refuses classified documents and malformed numbers", () => {
    for (const confidentiality of ["mat", "toi_mat", "tuyet_mat"] as const) {
      expectEdxmlError(
        () => documentToEdxml(doc({ confidentiality }), { from, to }),
        "invalid_field",
        "confidentiality",
      );
    }
    expectEdxmlError(
      () => documentToEdxml(doc({ numberNotation: "16" }), { from, to }),
      "invalid_field",
      "numberNotation",
    );
    expectEdxmlError(
      () => documentToEdxml(doc({ issuedAt: "31/03/2020" }), { from, to }),
      "invalid_field",
      "issuedAt",
    );
    expectEdxmlError(
      () => documentToEdxml(null as unknown as ApiDocument, { from, to }),
      "invalid_field",
    );
  });

  it("maps edXML types by name, then notation abbreviation, then code", () => {
    expect(documentTypeFromEdxml({ type: 99, typeName: "CHỈ THỊ" })).toBe("chi_thi");
    expect(documentTypeFromEdxml({ type: 99, typeName: "Bản thoả thuận" })).toBe("ban_thoa_thuan");
    expect(documentTypeFromEdxml({ type: 99, typeName: "Quyết định (cá biệt)" })).toBe(
      "quyet_dinh",
    );
    expect(documentTypeFromEdxml({ type: 99, typeName: "" }, "CĐ-UBND")).toBe("cong_dien");
    expect(documentTypeFromEdxml({ type: 99, typeName: "" }, "2021/QyĐ-UBND")).toBe("quy_dinh");
    expect(documentTypeFromEdxml({ type: "1", typeName: "" }, "UBND-VX")).toBe("cong_van");
    expect(documentTypeFromEdxml({ type: 99, typeName: "Thông tư" }, "BNV")).toBeNull();
    const message = parseEdxml(
      variant("<edXML:TypeName>Công văn<", "<edXML:TypeName>Thông tư<").replace(
        "<edXML:Type>1<",
        "<edXML:Type>77<",
      ),
    );
    expectEdxmlError(() => edxmlToDocumentInput(message), "invalid_field", "header.documentType");
  });

  it("falls back to OrganId for the issuer name and omits non-API agency codes", () => {
    const message = parseEdxml(
      variant("000.00.00.G22</edXML:OrganId>", "H37-DN 001</edXML:OrganId>"),
    );
    const input = edxmlToDocumentInput(message);
    expect(input.issuerName).toBe("H37-DN 001");
    expect(input.issuerAgencyCode).toBeUndefined();
  });
});

describe("DocumentId", () => {
  it("formats and parses {OrganId},{yyyy/MM/dd},{Number}/{Notation}", () => {
    const parts = {
      organId: "000.00.00.G22",
      date: "2015-09-30",
      codeNumber: "7816",
      codeNotation: "VPCP-TTĐT",
    };
    const id = formatEdxmlDocumentId(parts);
    expect(id).toBe("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
    expect(parseEdxmlDocumentId(id)).toEqual(parts);
    expect(parseEdxmlDocumentId("000.00.00.G22,2014/02/30,7806/VPCP")).toBeNull();
    expect(parseEdxmlDocumentId("not an id")).toBeNull();
    expectEdxmlError(
      () => formatEdxmlDocumentId({ ...parts, date: "2015/09/30" }),
      "invalid_field",
    );
  });
});

describe("properties", () => {
  const RUNS = 1000;
  const onlyEdxmlErrors = (input: string | Uint8Array) => {
    for (const parse of [parseEdxml, parseEdxmlStatus]) {
      try {
        parse(input);
      } catch (err) {
        if (!(err instanceof EdxmlError)) throw err;
      }
    }
  };
  const fragments = fc.constantFrom(
    "<edXML:",
    "edXMLEnvelope",
    "edXMLHeader",
    "MessageHeader",
    "Code",
    "Status",
    ">",
    "</",
    "/>",
    "<",
    "&amp;",
    "&",
    "&#x",
    "&#",
    ";",
    "<!DOCTYPE",
    "<!ENTITY",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    `xmlns:edXML="${NS}"`,
    ' xmlns="',
    '"',
    "=",
    '<?xml version="1.0"?>',
    "<?",
    "?>",
    "__proto__",
    "constructor",
    "Về việc",
    " ",
    "\n",
    "\u0000",
    "\uD800",
  );
  const xmlish = fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join(""));

  it("parses arbitrary strings with only EdxmlError", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), onlyEdxmlErrors), { numRuns: RUNS });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), onlyEdxmlErrors), {
      numRuns: RUNS,
    });
    fc.assert(fc.property(xmlish, onlyEdxmlErrors), { numRuns: RUNS });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), onlyEdxmlErrors), { numRuns: RUNS });
  });

  it("parses damaged valid documents with only EdxmlError", () => {
    const base = buildEdxml(sampleMessage());
    const damaged = fc.oneof(
      fc.nat({ max: base.length }).map((cut) => base.slice(0, cut)),
      fc
        .tuple(
          fc.nat({ max: base.length }),
          fc.nat({ max: 40 }),
          fc.oneof(xmlish, fc.string({ maxLength: 8 })),
        )
        .map(([at, drop, insert]) => base.slice(0, at) + insert + base.slice(at + drop)),
    );
    fc.assert(fc.property(damaged, onlyEdxmlErrors), { numRuns: RUNS });
  });

  /** Text XML can carry, without CR (which XML reads as LF). */
  const xmlText = fc
    .oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc
        .array(
          fc.constantFrom(
            "Về",
            "việc",
            "Chỉ",
            "thị",
            "Hoà",
            "Hòa",
            "Đắk",
            "&",
            "<",
            ">",
            '"',
            "'",
            "]]>",
            " ",
            "\n",
            "\t",
          ),
          { maxLength: 12 },
        )
        .map((w) => w.join("")),
    )
    .map((s) => s.replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ""));
  const id = xmlText.map((s) => s.trim()).filter((s) => s !== "");
  const nonBlank = xmlText.filter((s) => s.trim() !== "");
  const int = fc.nat({ max: 100_000 });
  const isoDate = fc
    .date({
      min: new Date("0001-01-01T00:00:00Z"),
      max: new Date("9999-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const vnTimestamp = fc
    .date({
      min: new Date("1975-01-01T00:00:00Z"),
      max: new Date("2100-01-01T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => `${d.toISOString().slice(0, 19)}+07:00`);
  const organization = fc.record(
    {
      organId: id,
      organInCharge: xmlText,
      organName: xmlText,
      organAdd: xmlText,
      email: xmlText,
      telephone: xmlText,
      fax: xmlText,
      website: xmlText,
    },
    { requiredKeys: ["organId"] },
  );
  const code = fc.oneof(
    int,
    id.filter((s) => !/^(?:0|[1-9][0-9]*)$/.test(s)),
  );
  const staffInfo = fc.record(
    { department: xmlText, staff: xmlText, email: xmlText, mobile: xmlText },
    { requiredKeys: [] },
  );
  const responseFor = fc.record({
    organId: id,
    code: id,
    promulgationDate: isoDate,
    documentId: id,
  });
  const business = fc.record(
    {
      documentId: id,
      businessDocType: fc.nat({ max: 3 }),
      businessDocReason: xmlText,
      paper: fc.nat({ max: 1 }),
      staffInfo,
      businessDocumentInfo: fc.record(
        {
          documentInfo: fc.nat({ max: 1 }),
          documentReceiver: fc.nat({ max: 1 }),
          receiverList: fc.array(fc.record({ organId: id, receiverType: fc.nat({ max: 1 }) }), {
            maxLength: 2,
          }),
        },
        { requiredKeys: [] },
      ),
      replacementInfoList: fc.array(
        fc.record({ documentId: id, organIds: fc.array(id, { maxLength: 2 }) }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ["businessDocType"] },
  );
  const header = fc.record(
    {
      from: organization,
      to: fc.array(organization, { minLength: 1, maxLength: 3 }),
      code: fc.record({ codeNumber: id, codeNotation: id }),
      promulgationInfo: fc.record({ place: xmlText, date: isoDate }),
      documentType: fc.record(
        { type: code, typeDetail: code, typeName: xmlText },
        { requiredKeys: ["type", "typeName"] },
      ),
      subject: xmlText,
      content: xmlText,
      signerInfo: fc.record(
        { competence: xmlText, position: xmlText, fullName: xmlText },
        { requiredKeys: ["position", "fullName"] },
      ),
      dueDate: isoDate,
      toPlaces: fc.array(xmlText, { maxLength: 3 }),
      otherInfo: fc.record(
        {
          priority: fc.nat({ max: 4 }),
          sphereOfPromulgation: xmlText,
          typerNotation: xmlText,
          promulgationAmount: int,
          pageAmount: int,
          direction: fc.boolean(),
          appendixes: fc.array(xmlText, { maxLength: 3 }),
        },
        { requiredKeys: ["priority"] },
      ),
      steeringType: fc.nat({ max: 2 }),
      documentId: id,
      // An empty ResponseFor list writes nothing, so it reads back as absent.
      responseFor: fc.array(responseFor, { minLength: 1, maxLength: 2 }),
      traceHeaderList: fc.record(
        {
          traceHeaders: fc.array(fc.record({ organId: id, timestamp: vnTimestamp }), {
            maxLength: 2,
          }),
          business,
        },
        { requiredKeys: ["traceHeaders"] },
      ),
    },
    { requiredKeys: [...REQUIRED_HEADER_KEYS] },
  );
  const attachments = fc.uniqueArray(
    fc.record(
      {
        contentId: id,
        contentType: nonBlank,
        description: xmlText,
        fileName: nonBlank,
        data: fc.uint8Array({ maxLength: 300 }),
      },
      { requiredKeys: ["contentId", "contentType", "fileName", "data"] },
    ),
    { maxLength: 3, selector: (a) => a.contentId },
  );
  const message = fc.record({ header, attachments }) as fc.Arbitrary<EdxmlMessage>;

  it("round-trips arbitrary valid messages, byte-stably", () => {
    fc.assert(
      fc.property(message, (m) => {
        const xml = buildEdxml(m);
        const back = parseEdxml(xml);
        expect(back).toEqual(m);
        expect(buildEdxml(back)).toBe(xml);
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips arbitrary status packets", () => {
    const statusArb = fc.record(
      {
        from: organization,
        responseFor,
        statusCode: fc.constantFrom(...EDXML_STATUS_CODES),
        description: xmlText,
        timestamp: vnTimestamp,
        staffInfo,
      },
      { requiredKeys: ["from", "responseFor", "statusCode", "timestamp"] },
    ) as fc.Arbitrary<EdxmlStatus>;
    fc.assert(
      fc.property(statusArb, (s) => {
        expect(parseEdxmlStatus(buildEdxmlStatus(s))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});
