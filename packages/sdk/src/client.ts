import { type ClientOptions, HttpClient } from "./core/http-client.js";
import {
  AreasResource,
  DirectivesResource,
  DocumentsResource,
  StaffResource,
  TasksResource,
} from "./resources/docs.js";
import { AgenciesResource, DossiersResource, ProceduresResource } from "./resources/portal.js";
import { EventsResource, WebhooksResource } from "./resources/webhooks.js";

/**
 * The vnegov client: the Portal API under `.portal`, the Document API under `.docs`.
 *
 * @example
 * ```ts
 * const vnegov = new Vnegov({ baseURL: "http://127.0.0.1:4010", auth: { apiKey: "vng_sandbox_bot_key" } });
 * const dossier = await vnegov.portal.dossiers.get("000.00.12.H99-240524-0001", { secret: "K7M2QX" });
 * for await (const task of vnegov.docs.tasks.list({ onBehalfOf: staffId, overdue: true })) console.log(task.title);
 * ```
 */
export class Vnegov {
  readonly portal: {
    readonly agencies: AgenciesResource;
    readonly procedures: ProceduresResource;
    readonly dossiers: DossiersResource;
  };
  readonly docs: {
    readonly areas: AreasResource;
    readonly documents: DocumentsResource;
    readonly directives: DirectivesResource;
    readonly tasks: TasksResource;
    readonly staff: StaffResource;
  };
  readonly webhooks: WebhooksResource;
  readonly events: EventsResource;
  private readonly http: HttpClient;

  constructor(options: ClientOptions) {
    this.http = new HttpClient(options);
    this.portal = {
      agencies: new AgenciesResource(this.http),
      procedures: new ProceduresResource(this.http),
      dossiers: new DossiersResource(this.http),
    };
    this.docs = {
      areas: new AreasResource(this.http),
      documents: new DocumentsResource(this.http),
      directives: new DirectivesResource(this.http),
      tasks: new TasksResource(this.http),
      staff: new StaffResource(this.http),
    };
    this.webhooks = new WebhooksResource(this.http);
    this.events = new EventsResource(this.http);
  }

  /** Releases the rate limiter (and its Redis connection, when clustered). */
  close(): Promise<void> {
    return this.http.limiter.disconnect();
  }
}
