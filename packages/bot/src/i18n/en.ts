import type { MessageKey } from "./vi.js";

/** English texts; the type requires every Vietnamese key. */
export const en: Record<MessageKey, string> = {
  "help.text":
    'Hello! I am the public-service assistant.\n• Look up a dossier: send /lookup or "look up dossier <code>"\n• Change language: /lang vi\n• Cancel what you are doing: /cancel',
  "cancel.done": "Cancelled. What would you like to do next?",
  "cancel.nothing": "There is nothing to cancel.",
  "lang.changed": "Switched to English.",
  "lang.unknown": "That language is not supported. Use /lang vi or /lang en.",
  "unknown.text": "Sorry, I did not understand. Send /help to see what I can do.",
  "error.unavailable": "The public-service system is busy. Please try again in a few minutes.",
  "lookup.askCode": "Please enter the dossier code (for example 000.00.12.H12-240525-0001).",
  "lookup.badCode": '"{code}" is not a dossier code. Codes look like 000.00.12.H12-240525-0001.',
  "lookup.askSecret":
    "Please enter the look-up secret you received when dossier {code} was submitted.",
  "lookup.notFound": "No dossier matches this code and secret. Please check them.",
  "lookup.tooMany": "Too many wrong attempts. Please try again in {minutes} minutes.",
  "lookup.result":
    "Dossier {code}\nProcedure: {procedure}\nStatus: {status}\nTimeliness: {timeliness}\nAppointment: {appointment}",
  "lookup.history": "Latest steps:",
  "lookup.next.supplement": "Supplement needed: {note}",
  "lookup.next.payment": "Fees due: {amount} VND. {note}",
  "lookup.none": "none yet",
  "status.moi_dang_ky": "Submitted",
  "status.da_tiep_nhan": "Received",
  "status.khong_tiep_nhan": "Refused at intake",
  "status.dang_xu_ly": "In progress",
  "status.yeu_cau_bo_sung": "Supplement required",
  "status.nghia_vu_tai_chinh": "Fees due",
  "status.da_rut": "Withdrawn",
  "status.dung_xu_ly": "Suspended",
  "status.da_xu_ly_xong": "Result ready",
  "status.da_tra_ket_qua": "Result delivered",
  "timeliness.truoc_han": "Ahead of schedule",
  "timeliness.dung_han": "Due today",
  "timeliness.qua_han": "Overdue",
};
