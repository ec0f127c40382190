/** A minimal XML tree for OOXML parts: element names keep their prefix (w:p), text nodes are decoded strings. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] !== "#") return NAMED_ENTITIES[body] ?? whole;
    const code = body[1] === "x" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

const TOKEN =
  /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|([^<]+)/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (!source) return attrs;
  for (const match of source.matchAll(ATTR)) attrs[match[1]] = decodeXmlEntities(match[2] ?? match[3] ?? "");
  return attrs;
}

/**
 * Parses well-formed XML into a tree. OOXML parts are machine-written, so a tolerant tokenizer is enough; stray
 * closing tags are ignored rather than thrown, because a half-damaged document should still give its text.
 * `checkTime` is called every so many tokens and may throw to stop.
 */
export function parseXml(source: string, checkTime: () => void = () => {}): XmlElement {
  const root: XmlElement = { name: "#root", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let tokens = 0;
  for (const match of source.matchAll(TOKEN)) {
    // A huge part takes seconds to parse: the caller's time limit is checked along the way.
    if (++tokens % 50_000 === 0) checkTime();
    const top = stack[stack.length - 1];
    const [, closing, name, attrSource, selfClosing, cdata, text] = match;
    if (text !== undefined) {
      top.children.push(decodeXmlEntities(text));
    } else if (cdata !== undefined) {
      top.children.push(cdata);
    } else if (name === undefined) {
      // a declaration, comment or doctype: nothing to keep
    } else if (closing) {
      const at = stack.findLastIndex((element) => element.name === name);
      if (at > 0) stack.length = at;
    } else {
      const element: XmlElement = { name, attrs: parseAttrs(attrSource), children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  return root;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child !== "string" && (name === undefined || child.name === name)) found.push(child);
  }
  return found;
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child !== "string" && child.name === name) return child;
  }
  return undefined;
}

/** The w:val of a child such as <w:numFmt w:val="decimal"/>. */
export function childVal(element: XmlElement | undefined, name: string): string | undefined {
  if (!element) return undefined;
  return firstChild(element, name)?.attrs["w:val"];
}

/** Every descendant with this name, in document order. */
export function descendants(element: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (typeof child === "string") continue;
    if (child.name === name) found.push(child);
    descendants(child, name, found);
  }
  return found;
}
