/**
 * Word documents in the layout of Chinese official documents: the layout itself is in official-layout.ts, loaded
 * (with the docx package) when the first document is made, not at every server start.
 */
import type { OfficialDocument } from "./official-layout.js";

export { officialDate } from "../../core/documents/official-date.js";
export type { OfficialDocument } from "./official-layout.js";

/** The media type of the documents officialDocx makes. */
export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function officialDocx(doc: OfficialDocument): Promise<Buffer> {
  const { buildOfficialDocx } = await import("./official-layout.js");
  return buildOfficialDocx(doc);
}
