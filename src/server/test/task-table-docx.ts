/** A Word document whose tasks sit in one table with the given header, for the column-mapping tests. */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });

/** A title paragraph, then a table: the header row and one row per task. */
export async function taskTableDocx(title: string, header: string[], rows: string[][]): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...rows].map((cells) => new TableRow({ children: cells.map(cell) })),
  });
  const document = new Document({
    sections: [{ children: [new Paragraph({ children: [new TextRun({ text: title, bold: true })] }), table] }],
  });
  return Packer.toBuffer(document);
}
