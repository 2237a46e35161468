import { formatLgspTimestamp } from "@vnegov/domain";
import type { EdocRow, InboxRow } from "./store.js";

/** A line of `syncReceivedEdocList`, as LGSP writes it. */
export interface LgspReceivedItem {
  serviceType: "eDoc" | "status";
  createdTime: string;
  updatedTime: string;
  messageType: "edoc" | "status";
  docId: string;
  from: string;
  to: string;
  /** The status exactly as the receiver reported it (`"06"` or `"done"`), or `initial`. */
  status: string;
  statusDesc: string;
}

/** `getEdoc`'s `data`. */
export interface LgspEdocView {
  docId: string;
  from: string;
  fromName: string | null;
  edocCode: string;
  edocAbstract: string;
  /** The envelope exactly as the sender uploaded it. */
  edxml: string;
  attachments: { fileName: string; fileContent: string }[];
}

/** An edoc as the control routes show it, with where it went and what receivers reported. */
export interface LgspStoredEdoc {
  docId: string;
  from: string;
  systemId: string | null;
  documentId: string;
  edocCode: string;
  subject: string;
  fileName: string | null;
  size: number;
  sha256: string;
  /** The world's `documents` id of its incoming copy, when one was recorded. */
  worldDocumentId: string | null;
  createdAt: string;
  receipts: { to: string; status: string; statusDesc: string; updatedTime: string }[];
  /** Status reports sent back to the sender, oldest first. */
  reports: { from: string; status: string; at: string }[];
}

/** An inbox line as `syncReceivedEdocList` lists it. */
export function receivedItem(row: InboxRow): LgspReceivedItem {
  const edoc = row.service_type === "edoc";
  return {
    serviceType: edoc ? "eDoc" : "status",
    createdTime: formatLgspTimestamp(row.created_at),
    updatedTime: formatLgspTimestamp(row.updated_at),
    messageType: edoc ? "edoc" : "status",
    docId: row.doc_id,
    from: row.from_code,
    to: row.to_code,
    status: row.status,
    statusDesc: row.status_desc,
  };
}

/** A stored edoc with its inbox lines (`LgspStore.receipts`), as the control routes show it. */
export function storedEdocView(row: EdocRow, lines: readonly InboxRow[]): LgspStoredEdoc {
  const receipts: LgspStoredEdoc["receipts"] = [];
  const reports: LgspStoredEdoc["reports"] = [];
  for (const line of lines) {
    if (line.service_type === "edoc")
      receipts.push({
        to: line.to_code,
        status: line.status,
        statusDesc: line.status_desc,
        updatedTime: formatLgspTimestamp(line.updated_at),
      });
    else
      reports.push({
        from: line.from_code,
        status: line.status,
        at: formatLgspTimestamp(line.created_at),
      });
  }
  return {
    docId: row.doc_id,
    from: row.from_code,
    systemId: row.system_id,
    documentId: row.document_id,
    edocCode: row.edoc_code,
    subject: row.subject,
    fileName: row.file_name,
    size: row.edxml.length,
    sha256: row.sha256,
    worldDocumentId: row.world_document_id,
    createdAt: formatLgspTimestamp(row.created_at),
    receipts,
    reports,
  };
}
