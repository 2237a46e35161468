import type { HttpClient, RequestOptions } from "../core/http-client.js";
import type { ListOptions, PagedList } from "../core/paginate.js";
import type {
  Area,
  ChatChannel,
  Directive,
  DirectiveInput,
  Document,
  DocumentInput,
  LinkCode,
  Staff,
  StaffLink,
  Task,
  TaskComment,
  TaskInput,
  TaskUpdate,
} from "../types.js";
import { check, invalidString, pagedList } from "./shared.js";

/** The staff member a call acts for (must have linked a chat to this client, unless it has `docs:admin`). */
export interface OnBehalfOf {
  onBehalfOf?: string;
}

const behalf = (options: OnBehalfOf) => ({ "on-behalf-of": options.onBehalfOf });

/** Administrative areas that directives address. */
export class AreasResource {
  constructor(private readonly http: HttpClient) {}

  list(options: ListOptions & RequestOptions = {}): PagedList<Area> {
    return pagedList(this.http, { route: "/docs/v1/areas" }, options);
  }
}

/** Incoming and outgoing documents (văn bản đến / đi). */
export class DocumentsResource {
  constructor(private readonly http: HttpClient) {}

  list(
    filter: {
      q?: string;
      numberNotation?: string;
      direction?: Document["direction"];
      type?: Document["type"];
      urgency?: Document["urgency"];
      issuedFrom?: string;
      issuedTo?: string;
    } & ListOptions &
      RequestOptions = {},
  ): PagedList<Document> {
    const { q, numberNotation, direction, type, urgency, issuedFrom, issuedTo, ...options } =
      filter;
    return pagedList(
      this.http,
      {
        route: "/docs/v1/documents",
        query: { q, numberNotation, direction, type, urgency, issuedFrom, issuedTo },
      },
      options,
    );
  }

  async get(id: string, options: RequestOptions = {}): Promise<Document> {
    check([invalidString("documentId", id)]);
    return this.http.call(
      { method: "GET", route: "/docs/v1/documents/{id}", params: { id } },
      options,
    );
  }

  /** Registers a document (needs `docs:write`). */
  async create(input: DocumentInput, options: RequestOptions = {}): Promise<Document> {
    check([
      invalidString("numberNotation", input?.numberNotation),
      invalidString("subject", input?.subject),
    ]);
    return this.http.call(
      { method: "POST", route: "/docs/v1/documents", body: input, idempotent: true },
      options,
    );
  }

  /** The bytes of an attachment (the signed PDF). */
  async downloadAttachment(
    documentId: string,
    attachmentId: string,
    options: RequestOptions = {},
  ): Promise<Buffer> {
    check([invalidString("documentId", documentId), invalidString("attachmentId", attachmentId)]);
    return this.http.call(
      {
        method: "GET",
        route: "/docs/v1/documents/{documentId}/attachments/{attachmentId}",
        params: { documentId, attachmentId },
        binary: true,
      },
      options,
    );
  }
}

/** Directives (chỉ thị, công điện, thông báo) published to audiences. */
export class DirectivesResource {
  constructor(private readonly http: HttpClient) {}

  /** Newest first; `areaCode` includes directives to containing areas and to the public. */
  list(
    filter: {
      areaCode?: string;
      agencyCode?: string;
      type?: Directive["type"];
      activeAt?: Date | string;
    } & ListOptions &
      RequestOptions = {},
  ): PagedList<Directive> {
    const { areaCode, agencyCode, type, activeAt, ...options } = filter;
    const at = activeAt instanceof Date ? activeAt.toISOString() : activeAt;
    return pagedList(
      this.http,
      { route: "/docs/v1/directives", query: { areaCode, agencyCode, type, activeAt: at } },
      options,
    );
  }

  async get(id: string, options: RequestOptions = {}): Promise<Directive> {
    check([invalidString("documentId", id)]);
    return this.http.call(
      { method: "GET", route: "/docs/v1/directives/{id}", params: { id } },
      options,
    );
  }

  /** Publishes a directive (needs `docs:write`). */
  async publish(input: DirectiveInput, options: RequestOptions = {}): Promise<Directive> {
    check([
      invalidString("numberNotation", input?.numberNotation),
      (!Array.isArray(input?.audiences) || input.audiences.length === 0) && {
        field: "audiences",
        code: "required",
        message: "needs at least one audience",
      },
    ]);
    return this.http.call(
      { method: "POST", route: "/docs/v1/directives", body: input, idempotent: true },
      options,
    );
  }
}

/** Tasks (giao việc) of staff. */
export class TasksResource {
  constructor(private readonly http: HttpClient) {}

  /** Earliest deadline first. */
  list(
    filter: {
      assigneeId?: string;
      status?: Task["status"];
      overdue?: boolean;
      dueBefore?: Date | string;
    } & OnBehalfOf &
      ListOptions &
      RequestOptions = {},
  ): PagedList<Task> {
    const { assigneeId, status, overdue, dueBefore, onBehalfOf, ...options } = filter;
    const before = dueBefore instanceof Date ? dueBefore.toISOString() : dueBefore;
    return pagedList(
      this.http,
      {
        route: "/docs/v1/tasks",
        query: { assigneeId, status, overdue, dueBefore: before },
        headers: behalf({ onBehalfOf }),
      },
      options,
    );
  }

  async get(id: string, options: OnBehalfOf & RequestOptions = {}): Promise<Task> {
    check([invalidString("taskId", id)]);
    return this.http.call(
      { method: "GET", route: "/docs/v1/tasks/{id}", params: { id }, headers: behalf(options) },
      options,
    );
  }

  /** Assigns a task (needs `docs:admin`). */
  async create(input: TaskInput, options: RequestOptions = {}): Promise<Task> {
    check([invalidString("title", input?.title), invalidString("assigneeId", input?.assigneeId)]);
    return this.http.call(
      { method: "POST", route: "/docs/v1/tasks", body: input, idempotent: true },
      options,
    );
  }

  /** Updates progress or status (`done` sets progress to 100). */
  async update(
    id: string,
    update: TaskUpdate,
    options: OnBehalfOf & RequestOptions = {},
  ): Promise<Task> {
    check([
      invalidString("taskId", id),
      update?.progress !== undefined &&
        (!Number.isInteger(update.progress) || update.progress < 0 || update.progress > 100) && {
          field: "progress",
          code: "out_of_range",
          message: "must be an integer from 0 to 100",
        },
    ]);
    return this.http.call(
      {
        method: "PATCH",
        route: "/docs/v1/tasks/{id}",
        params: { id },
        headers: behalf(options),
        body: update,
      },
      options,
    );
  }

  comments(
    id: string,
    options: OnBehalfOf & ListOptions & RequestOptions = {},
  ): PagedList<TaskComment> {
    check([invalidString("taskId", id)]);
    return pagedList(
      this.http,
      { route: "/docs/v1/tasks/{id}/comments", params: { id }, headers: behalf(options) },
      options,
    );
  }

  async addComment(
    id: string,
    body: string,
    options: OnBehalfOf & RequestOptions = {},
  ): Promise<TaskComment> {
    check([invalidString("taskId", id), invalidString("body", body)]);
    return this.http.call(
      {
        method: "POST",
        route: "/docs/v1/tasks/{id}/comments",
        params: { id },
        headers: behalf(options),
        body: { body },
      },
      options,
    );
  }
}

/** Staff accounts and the chats linked to them. */
export class StaffResource {
  constructor(private readonly http: HttpClient) {}

  async get(id: string, options: RequestOptions = {}): Promise<Staff> {
    check([invalidString("staffId", id)]);
    return this.http.call({ method: "GET", route: "/docs/v1/staff/{id}", params: { id } }, options);
  }

  /** Issues a one-time link code (needs `docs:admin`; normally the document system's UI does this). */
  async createLinkCode(
    staffId: string,
    options: { ttlSeconds?: number } & RequestOptions = {},
  ): Promise<LinkCode> {
    check([invalidString("staffId", staffId)]);
    return this.http.call(
      {
        method: "POST",
        route: "/docs/v1/staff/{id}/link-codes",
        params: { id: staffId },
        body: { ttlSeconds: options.ttlSeconds },
      },
      options,
    );
  }

  /** Binds a chat to the staff member who gave you `code`. Wrong codes are rate limited. */
  async redeemLinkCode(
    input: { code: string; channel: ChatChannel; chatId: string },
    options: RequestOptions = {},
  ): Promise<StaffLink> {
    const code = typeof input?.code === "string" ? input.code.trim().toUpperCase() : input?.code;
    check([
      invalidString("code", code, (c) => /^[A-Z0-9]{8}$/.test(c), "must be the 8-character code"),
      invalidString("chatId", input?.chatId),
    ]);
    return this.http.call(
      { method: "POST", route: "/docs/v1/staff/link-codes/redeem", body: { ...input, code } },
      options,
    );
  }

  links(
    filter: { channel?: ChatChannel; chatId?: string; staffId?: string } & ListOptions &
      RequestOptions = {},
  ): PagedList<StaffLink> {
    const { channel, chatId, staffId, ...options } = filter;
    return pagedList(
      this.http,
      { route: "/docs/v1/staff/links", query: { channel, chatId, staffId } },
      options,
    );
  }

  async unlink(linkId: string, options: RequestOptions = {}): Promise<void> {
    check([invalidString("linkId", linkId)]);
    await this.http.call(
      { method: "DELETE", route: "/docs/v1/staff/links/{id}", params: { id: linkId } },
      options,
    );
  }
}
