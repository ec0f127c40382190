import { describe, expect, it } from "vitest";
import { Bytes, byteOffset, pieceText, readPieces, sprms } from "./doc-binary.js";

function le(size: 1 | 2 | 4, value: number): number[] {
  return Array.from({ length: size }, (_, index) => (value >> (8 * index)) & 0xff);
}

describe("Word 97 binary structures", () => {
  it("reads a piece table after a property run, 8-bit (Windows-1252) and UTF-16 pieces alike", () => {
    // WordDocument: "Plan “A”" as 8 bytes at 0x200, then "任务" as UTF-16 at 0x300.
    const word = new Uint8Array(0x400);
    word.set([0x50, 0x6c, 0x61, 0x6e, 0x20, 0x93, 0x41, 0x94], 0x200);
    word.set(new Uint8Array(Buffer.from("任务", "utf16le")), 0x300);
    const compressedFc = (0x200 * 2) | 0x40000000;
    const plc = [...le(4, 0), ...le(4, 8), ...le(4, 10)];
    const pcds = [...le(2, 0), ...le(4, compressedFc), ...le(2, 0), ...le(2, 0), ...le(4, 0x300), ...le(2, 0)];
    const clx = [0x01, ...le(2, 3), 0x03, 0x24, 0x01, 0x02, ...le(4, plc.length + pcds.length), ...plc, ...pcds];
    const table = new Bytes(new Uint8Array([0, 0, ...clx]));
    const pieces = readPieces(table, { fc: 2, lcb: clx.length });
    expect(pieces).toEqual([
      { cpStart: 0, cpEnd: 8, fc: 0x200, compressed: true },
      { cpStart: 8, cpEnd: 10, fc: 0x300, compressed: false },
    ]);
    const bytes = new Bytes(word);
    expect(pieces.map((piece) => pieceText(bytes, piece, 10)).join("")).toBe("Plan “A”任务");
    // The main text may end inside a piece.
    expect(pieceText(bytes, pieces[1], 9)).toBe("任");
    expect(byteOffset(pieces[0], 3)).toBe(0x203);
    expect(byteOffset(pieces[1], 9)).toBe(0x302);
  });

  it("measures sprm operands by their size code, and the variable ones by their own length", () => {
    const tableDefinition = [0x08, 0xd6, ...le(2, 4), 1, 2, 3];
    const list = [0x0a, 0x26, 0x01, 0x0b, 0x46, 0x02, 0x00, 0x49, 0x66, ...le(4, 1), ...tableDefinition, 0x17, 0x24, 1];
    const found = sprms(new Uint8Array(list));
    expect(found.map((sprm) => [sprm.code, sprm.operand.length])).toEqual([
      [0x260a, 1],
      [0x460b, 2],
      [0x6649, 4],
      [0xd608, 5],
      [0x2417, 1],
    ]);
  });

  it("keeps the sprms before a truncated one", () => {
    expect(sprms(new Uint8Array([0x0a, 0x26, 0x01, 0x49, 0x66, 0x01])).map((sprm) => sprm.code)).toEqual([0x260a]);
  });

  it("refuses reads outside a stream as a corrupt Word file", () => {
    expect(() => new Bytes(new Uint8Array(4)).u32(2)).toThrow(expect.objectContaining({ code: "corrupt" }));
  });
});
