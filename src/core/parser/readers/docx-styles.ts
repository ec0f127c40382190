import { childElements, childVal, firstChild, type XmlElement } from "./xml.js";

export interface NumberingRef {
  numId: string;
  ilvl: number;
}

/**
 * Paragraph styles can carry list numbering (a "标题 2" style numbered 一、), inherited through w:basedOn.
 * Returns styleId → numbering, resolved along the inheritance chain.
 */
export function styleNumbering(stylesXml: XmlElement | null): Map<string, NumberingRef> {
  const resolved = new Map<string, NumberingRef>();
  const root = stylesXml ? firstChild(stylesXml, "w:styles") : undefined;
  if (!root) return resolved;
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const style of childElements(root, "w:style")) {
    if (style.attrs["w:type"] !== "paragraph") continue;
    const numPr = firstChild(firstChild(style, "w:pPr") ?? style, "w:numPr");
    const ilvl = childVal(numPr, "w:ilvl");
    own.set(style.attrs["w:styleId"] ?? "", {
      numId: childVal(numPr, "w:numId"),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      basedOn: childVal(style, "w:basedOn"),
    });
  }
  for (const styleId of own.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id && !seen.has(id); id = own.get(id)?.basedOn) {
      seen.add(id);
      const style = own.get(id);
      numId ??= style?.numId;
      ilvl ??= style?.ilvl;
    }
    if (numId !== undefined) resolved.set(styleId, { numId, ilvl: ilvl ?? 0 });
  }
  return resolved;
}
