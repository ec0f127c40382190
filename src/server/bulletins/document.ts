/** A bulletin as the Word document the office prints and circulates: 通报 in official layout, its tables included. */
import { ADDRESSEE, bulletinBlocks, DRAFT_NUMBER } from "../../core/bulletins/layout.js";
import type { Bulletin } from "../../shared/api.js";
import { officialDocx } from "../documents/official.js";

export function bulletinDocx(bulletin: Bulletin): Promise<Buffer> {
  return officialDocx({
    issuer: bulletin.issuer ?? undefined,
    docNumber: bulletin.docNumber ?? DRAFT_NUMBER,
    title: bulletin.title,
    addressee: ADDRESSEE,
    blocks: [
      ...bulletinBlocks(bulletin.content, bulletin.intro, bulletin.closing),
      ...(bulletin.contact ? [{ kind: "paragraph" as const, text: bulletin.contact }] : []),
    ],
    signature: bulletin.issuer ?? undefined,
    date: bulletin.date,
  });
}
