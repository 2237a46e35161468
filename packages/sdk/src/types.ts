import type { components } from "./generated/openapi.generated.js";

/** Every schema of the contract, by name: `Schemas["Dossier"]`. */
export type Schemas = components["schemas"];

export type Agency = Schemas["Agency"];
export type Area = Schemas["Area"];
export type ProcedureSummary = Schemas["ProcedureSummary"];
export type Procedure = Schemas["Procedure"];
export type FormField = Schemas["FormField"];
export type Dossier = Schemas["Dossier"];
export type DossierReceipt = Schemas["DossierReceipt"];
export type DossierSubmission = Schemas["DossierSubmission"];
export type DossierSupplement = Schemas["DossierSupplement"];
export type DossierTransition = Schemas["DossierTransition"];
export type DossierHistoryEntry = Schemas["DossierHistoryEntry"];
export type DossierStatus = Schemas["DossierStatus"];
export type Timeliness = Schemas["Timeliness"];
export type Document = Schemas["Document"];
export type DocumentInput = Schemas["DocumentInput"];
export type Directive = Schemas["Directive"];
export type DirectiveInput = Schemas["DirectiveInput"];
export type Task = Schemas["Task"];
export type TaskInput = Schemas["TaskInput"];
export type TaskUpdate = Schemas["TaskUpdate"];
export type TaskComment = Schemas["TaskComment"];
export type Staff = Schemas["Staff"];
export type StaffLink = Schemas["StaffLink"];
export type LinkCode = Schemas["LinkCode"];
export type Webhook = Schemas["Webhook"];
export type WebhookWithSecret = Schemas["WebhookWithSecret"];
export type WebhookInput = Schemas["WebhookInput"];
export type EventType = Schemas["EventType"];
export type Problem = Schemas["Problem"];
export type ChatChannel = Schemas["ChatChannel"];
/** Kênh thực hiện: how a dossier was lodged. */
export type Channel = Schemas["Channel"];
export type ApplicantType = Schemas["ApplicantType"];
export type OnlineLevel = Schemas["OnlineLevel"];
