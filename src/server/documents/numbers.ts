/**
 * Document numbers per kind and year (督办〔2026〕第3号, 通报〔2026〕第1号): taken from a counter row in the caller's
 * transaction, so two documents issued at once get two numbers, and a rolled-back issue gives its number back.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { documentNumbers } from "../db/schema.js";

export type DocumentKind = "order" | "bulletin";

const PREFIX: Record<DocumentKind, string> = { order: "督办", bulletin: "通报" };

export async function nextDocumentNumber(tx: Queryable, kind: DocumentKind, year: number): Promise<number> {
  const [row] = await tx
    .insert(documentNumbers)
    .values({ kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentNumbers.kind, documentNumbers.year],
      set: { last: sql`${documentNumbers.last} + 1` },
    })
    .returning({ last: documentNumbers.last });
  return row.last;
}

/** 督办〔2026〕第3号 */
export const documentNumberText = (kind: DocumentKind, year: number, number: number) =>
  `${PREFIX[kind]}〔${year}〕第${number}号`;

/** A document's number as text, or null while it has none (a draft). */
export const documentNumberOf = (kind: DocumentKind, row: { year: number | null; number: number | null }) =>
  row.year !== null && row.number !== null ? documentNumberText(kind, row.year, row.number) : null;
