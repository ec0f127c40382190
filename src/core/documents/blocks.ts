/** The parts of an official document's body, as the Word builder prints them and the web page previews them. */
export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; level: 1 | 2; text: string }
  /** widths: relative column widths (e.g. [1, 4, 1]); equal when left out */
  | { kind: "table"; columns: string[]; rows: (string | number)[][]; widths?: number[] };
