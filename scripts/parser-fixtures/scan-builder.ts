/**
 * Scans made from text PDFs, as an office scanner would give them: each page rasterised by pdftoppm in black and
 * white (1 bit a pixel) and wrapped back into a PDF of page images without any text layer, or saved as a PNG
 * "photo" of one page. The PDF is written here (a catalog, pages and Flate-compressed image objects) rather than
 * with img2pdf or a PDF library: it takes forty lines, and the bit-exact PBM rows go in as they are.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

interface Bitmap {
  width: number;
  height: number;
  /** PBM rows: 1 bit a pixel, 1 is black, each row padded to a whole byte */
  bits: Buffer;
}

function parsePbm(data: Buffer): Bitmap {
  const header = data.subarray(0, 64).toString("latin1");
  const match = header.match(/^P4\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s/);
  if (!match) throw new Error("pdftoppm -mono did not write a PBM");
  const width = Number(match[1]);
  const height = Number(match[2]);
  return { width, height, bits: data.subarray(match[0].length, match[0].length + Math.ceil(width / 8) * height) };
}

/** Rasterises the pages of a PDF (all, or `first`–`last`) in black and white at `dpi`. */
function bitmaps(pdf: Buffer, dpi: number, first?: number, last?: number): Bitmap[] {
  const dir = mkdtempSync(join(tmpdir(), "fazhi-scan-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    const range = first === undefined ? [] : ["-f", String(first), "-l", String(last ?? first)];
    execFileSync("pdftoppm", ["-mono", "-r", String(dpi), ...range, join(dir, "in.pdf"), join(dir, "page")]);
    return readdirSync(dir)
      .filter((name) => name.endsWith(".pbm"))
      .sort()
      .map((name) => parsePbm(readFileSync(join(dir, name))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PDF whose pages are the bitmaps, each on a page of its size at `dpi`. */
function imagePdf(pages: Bitmap[], dpi: number): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => {
    objects.push(typeof body === "string" ? Buffer.from(body, "latin1") : body);
    return objects.length;
  };
  const catalog = add("");
  const tree = add("");
  const kids: number[] = [];
  for (const page of pages) {
    const data = deflateSync(page.bits, { level: 9 });
    const image = add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray ` +
            `/BitsPerComponent 1 /Decode [1 0] /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
          "latin1",
        ),
        data,
        Buffer.from("\nendstream", "latin1"),
      ]),
    );
    const width = ((page.width * 72) / dpi).toFixed(2);
    const height = ((page.height * 72) / dpi).toFixed(2);
    const drawing = `q ${width} 0 0 ${height} 0 0 cm /Scan Do Q`;
    const content = add(`<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${width} ${height}] ` +
          `/Resources << /XObject << /Scan ${image} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`, "latin1");
  objects[tree - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(" ")}] /Count ${kids.length} >>`,
    "latin1",
  );
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, index) => {
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, "latin1"),
      body,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    offsets.push(length);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>`,
    "startxref",
    String(length),
    "%%EOF\n",
  ].join("\n");
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

/** A scan of a text PDF (its pages `first`–`last`, or all): page images at `dpi`, black and white, no text layer. */
export function scannedPdf(pdf: Buffer, dpi: number, first?: number, last?: number): Buffer {
  return imagePdf(bitmaps(pdf, dpi, first, last), dpi);
}

/** One page of a PDF as a black-and-white PNG at `dpi`, as a photo or an image scan of the page would be sent. */
export function pagePng(pdf: Buffer, dpi: number, page: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "fazhi-scan-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    execFileSync("pdftoppm", [
      "-mono",
      "-png",
      "-r",
      String(dpi),
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      join(dir, "in.pdf"),
      join(dir, "page"),
    ]);
    return readFileSync(join(dir, "page.png"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
