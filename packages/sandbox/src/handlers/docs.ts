import { notFound } from "../http/problem.js";
import * as documents from "../services/documents.js";
import { listAreas } from "../services/procedures.js";
import * as staff from "../services/staff.js";
import * as tasks from "../services/tasks.js";
import { type Handler, limitOf, ok, who } from "./types.js";

const onBehalfOf = (headers: Record<string, string>) => headers["on-behalf-of"];

export const docsHandlers: Record<string, Handler> = {
  listAreas: ({ query }, { world }) => ok(listAreas(world, query.cursor, limitOf(query))),

  listDocuments: (input, { world }) =>
    ok(
      documents.listDocuments(
        world,
        who(input),
        input.query,
        input.query.cursor,
        limitOf(input.query),
      ),
    ),

  createDocument: ({ body }, { world }) => ok(documents.createDocument(world, body), 201),

  getDocument: (input, { world }) =>
    ok(documents.getDocument(world, who(input), input.params.documentId as string)),

  downloadDocumentAttachment: (input, { world }) => {
    const file = documents.downloadAttachment(
      world,
      who(input),
      input.params.documentId as string,
      input.params.attachmentId as string,
    );
    return {
      status: 200,
      binary: { data: file.content, contentType: file.content_type },
      headers: { Digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}` },
    };
  },

  listDirectives: (input, { world }) =>
    ok(
      documents.listDirectives(
        world,
        who(input),
        input.query,
        input.query.cursor,
        limitOf(input.query),
      ),
    ),

  publishDirective: ({ body }, { world }) => ok(documents.publishDirective(world, body), 201),

  getDirective: (input, { world }) =>
    ok(documents.getDirective(world, who(input), input.params.documentId as string)),

  listTasks: (input, { world }) => {
    const { query } = input;
    const filter = {
      ...query,
      overdue: query.overdue === undefined ? undefined : query.overdue === "true",
    };
    return ok(
      tasks.listTasks(
        world,
        who(input),
        onBehalfOf(input.headers),
        filter,
        query.cursor,
        limitOf(query),
      ),
    );
  },

  createTask: ({ body }, { world }) => ok(tasks.createTask(world, body), 201),

  getTask: (input, { world }) =>
    ok(tasks.getTask(world, who(input), input.params.taskId as string, onBehalfOf(input.headers))),

  updateTask: (input, { world }) =>
    ok(
      tasks.updateTask(
        world,
        who(input),
        input.params.taskId as string,
        onBehalfOf(input.headers),
        input.body,
      ),
    ),

  listTaskComments: (input, { world }) =>
    ok(
      tasks.listComments(
        world,
        who(input),
        input.params.taskId as string,
        onBehalfOf(input.headers),
        input.query.cursor,
        limitOf(input.query),
      ),
    ),

  addTaskComment: (input, { world }) =>
    ok(
      tasks.addComment(
        world,
        who(input),
        input.params.taskId as string,
        onBehalfOf(input.headers),
        input.body.body,
      ),
      201,
    ),

  getStaff: ({ params }, { world }) => ok(staff.getStaff(world, params.staffId as string)),

  createLinkCode: ({ params, body }, { world }) =>
    ok(staff.createLinkCode(world, params.staffId as string, body?.ttlSeconds), 201),

  redeemLinkCode: (input, ctx) => {
    const link = staff.redeemLinkCode(ctx.world, who(input), input.body);
    if (!link) {
      ctx.recordFailedGuess(who(input));
      throw notFound("The link code is unknown, used or expired.", "link_code_invalid");
    }
    return ok(link, 201);
  },

  listStaffLinks: (input, { world }) =>
    ok(staff.listLinks(world, who(input), input.query, input.query.cursor, limitOf(input.query))),

  deleteStaffLink: (input, { world }) => {
    staff.deleteLink(world, who(input), input.params.linkId as string);
    return { status: 204 };
  },
};
