/**
 * Schema migrations, applied in order and recorded in `PRAGMA user_version`. Append new
 * entries; never edit one that has shipped. Times are epoch milliseconds.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE agencies (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, short_name TEXT NOT NULL,
    level TEXT NOT NULL, parent_code TEXT
  );
  CREATE TABLE areas (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, parent_code TEXT
  );
  CREATE TABLE clients (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, scopes TEXT NOT NULL,
    secret_hash TEXT, rate_limit_per_sec INTEGER, created_at INTEGER NOT NULL
  );
  CREATE TABLE api_keys (
    key_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id)
  );
  CREATE TABLE access_tokens (
    token_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id),
    scopes TEXT NOT NULL, expires_at INTEGER NOT NULL
  );
  CREATE TABLE procedures (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, search_text TEXT NOT NULL,
    agency_code TEXT NOT NULL REFERENCES agencies(code), field TEXT NOT NULL,
    online_level TEXT NOT NULL, processing_days REAL NOT NULL, fee_amount INTEGER NOT NULL,
    required_papers TEXT NOT NULL, form_schema TEXT NOT NULL,
    result_description TEXT NOT NULL, legal_basis TEXT NOT NULL
  );
  CREATE TABLE dossier_sequences (
    agency_code TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL,
    PRIMARY KEY (agency_code, day)
  );
  CREATE TABLE dossiers (
    code TEXT PRIMARY KEY, procedure_code TEXT NOT NULL REFERENCES procedures(code),
    agency_code TEXT NOT NULL, status TEXT NOT NULL, channel TEXT NOT NULL,
    applicant TEXT NOT NULL, applicant_id_number TEXT NOT NULL,
    secret_hash TEXT NOT NULL, form_data TEXT NOT NULL, fee_amount INTEGER NOT NULL,
    submitted_at INTEGER NOT NULL, received_at INTEGER, appointment_at INTEGER,
    completed_at INTEGER, updated_at INTEGER NOT NULL, pending_action TEXT,
    submitted_by TEXT
  );
  CREATE INDEX dossiers_by_submitter ON dossiers (submitted_by, submitted_at DESC, code DESC);
  CREATE INDEX dossiers_by_time ON dossiers (submitted_at DESC, code DESC);
  CREATE TABLE dossier_history (
    id TEXT PRIMARY KEY, dossier_code TEXT NOT NULL REFERENCES dossiers(code),
    seq INTEGER NOT NULL, status TEXT NOT NULL, previous_status TEXT, at INTEGER NOT NULL,
    actor_kind TEXT NOT NULL, actor_name TEXT, note TEXT
  );
  CREATE UNIQUE INDEX dossier_history_order ON dossier_history (dossier_code, seq);
  CREATE TABLE attachments (
    id TEXT PRIMARY KEY, owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, field_key TEXT,
    file_name TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, signed INTEGER NOT NULL DEFAULT 0, content BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX attachments_by_owner ON attachments (owner_kind, owner_id, created_at);
  CREATE TABLE documents (
    id TEXT PRIMARY KEY, direction TEXT NOT NULL, number_notation TEXT NOT NULL,
    type TEXT NOT NULL, issuer_name TEXT NOT NULL, issuer_agency_code TEXT,
    subject TEXT NOT NULL, search_text TEXT NOT NULL, summary TEXT, signer TEXT NOT NULL,
    issued_at TEXT NOT NULL, received_at INTEGER, due_at INTEGER, urgency TEXT NOT NULL,
    confidentiality TEXT NOT NULL, created_at INTEGER NOT NULL,
    audiences TEXT, effective_from INTEGER, effective_to INTEGER, published_at INTEGER
  );
  CREATE INDEX documents_by_issue ON documents (issued_at DESC, id DESC);
  CREATE INDEX documents_by_notation ON documents (number_notation);
  CREATE TABLE directive_audiences (
    document_id TEXT NOT NULL REFERENCES documents(id), kind TEXT NOT NULL, code TEXT
  );
  CREATE INDEX directive_audiences_by_target ON directive_audiences (kind, code);
  CREATE TABLE staff (
    id TEXT PRIMARY KEY, full_name TEXT NOT NULL, position TEXT NOT NULL,
    agency_code TEXT NOT NULL REFERENCES agencies(code), email TEXT
  );
  CREATE TABLE link_codes (
    code TEXT PRIMARY KEY, staff_id TEXT NOT NULL REFERENCES staff(id),
    expires_at INTEGER NOT NULL, used_at INTEGER
  );
  CREATE TABLE staff_links (
    id TEXT PRIMARY KEY, client_id TEXT NOT NULL, staff_id TEXT NOT NULL REFERENCES staff(id),
    channel TEXT NOT NULL, chat_id TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX staff_links_by_chat ON staff_links (client_id, channel, chat_id);
  CREATE TABLE tasks (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT, status TEXT NOT NULL,
    progress INTEGER NOT NULL, assignee_id TEXT NOT NULL REFERENCES staff(id),
    assigned_by_id TEXT NOT NULL REFERENCES staff(id),
    source_document_id TEXT REFERENCES documents(id), assigned_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL, completed_at INTEGER, updated_at INTEGER NOT NULL,
    due_soon_sent INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX tasks_by_assignee ON tasks (assignee_id, due_at, id);
  CREATE TABLE task_comments (
    id TEXT PRIMARY KEY, task_id TEXT NOT NULL REFERENCES tasks(id),
    author_id TEXT NOT NULL REFERENCES staff(id), body TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE INDEX task_comments_by_task ON task_comments (task_id, created_at, id);
  CREATE TABLE idempotency_keys (
    client_id TEXT NOT NULL, operation TEXT NOT NULL, key TEXT NOT NULL,
    request_hash TEXT NOT NULL, status INTEGER NOT NULL, response TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (client_id, operation, key)
  );
  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY, client_id TEXT NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL,
    description TEXT, secret TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
    created_at INTEGER NOT NULL, payload TEXT NOT NULL,
    owner_client_id TEXT, staff_id TEXT, confidential INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY, webhook_id TEXT NOT NULL, event_id TEXT NOT NULL,
    status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
    last_status INTEGER, last_error TEXT, delivered_at INTEGER,
    UNIQUE (webhook_id, event_id)
  );
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
  `,
  // 2: the LGSP emulator's exchange. An edoc's bytes are stored exactly as uploaded; the inbox
  // holds one row per receiving unit (service_type 'edoc') and one per status report sent back
  // to the sender (service_type 'status').
  `
  CREATE TABLE lgsp_edocs (
    doc_id TEXT PRIMARY KEY, from_code TEXT NOT NULL, from_name TEXT, system_id TEXT,
    document_id TEXT NOT NULL, edoc_code TEXT NOT NULL, subject TEXT NOT NULL,
    file_name TEXT, edxml BLOB NOT NULL, sha256 TEXT NOT NULL, world_document_id TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE lgsp_inbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL REFERENCES lgsp_edocs(doc_id),
    service_type TEXT NOT NULL, from_code TEXT NOT NULL, to_code TEXT NOT NULL,
    status TEXT NOT NULL, status_desc TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
  );
  CREATE INDEX lgsp_inbox_by_unit ON lgsp_inbox (to_code, updated_at, id);
  CREATE UNIQUE INDEX lgsp_inbox_edoc ON lgsp_inbox (doc_id, to_code) WHERE service_type = 'edoc';
  CREATE TABLE lgsp_locked_units (agency_code TEXT PRIMARY KEY, locked_at INTEGER NOT NULL);
  `,
];
