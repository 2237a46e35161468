import { foldDiacritics } from "@vnegov/domain";
import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * A one-page PDF standing in for a document's signed original. The standard PDF fonts have
 * no Vietnamese glyphs, so the text is folded to ASCII; the dates are fixed so the bytes
 * repeat for the same input.
 */
export async function documentPdf(
  title: string,
  lines: readonly string[],
  date: Date,
): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(foldDiacritics(title));
  pdf.setProducer("vnegov sandbox");
  pdf.setCreator("vnegov sandbox");
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  let y = 780;
  for (const line of [title, "", ...lines]) {
    for (let rest = foldDiacritics(line); ; ) {
      page.drawText(rest.slice(0, 90), { x: 50, y, size: 11, font });
      y -= 16;
      rest = rest.slice(90);
      if (rest === "" || y < 60) break;
    }
    if (y < 60) break;
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
