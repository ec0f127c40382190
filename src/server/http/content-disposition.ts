/**
 * Content-Disposition with a Chinese file name: the plain `filename` in ASCII for old clients, and `filename*` in
 * UTF-8 (RFC 5987/6266) that every current browser prefers. `inline` opens it in the browser (PDF, images).
 */
export function contentDisposition(filename: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
