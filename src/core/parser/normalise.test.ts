import { describe, expect, it } from "vitest";
import { normaliseChars, simplifyForDetection } from "./normalise.js";

describe("normaliseChars", () => {
  it.each([
    ["Kangxi radicals from Chromium PDFs", "项⽬⻚⾯为⺠服务", "项目页面为民服务"],
    ["compatibility ideographs", "\uf900\uf901", "豈更"],
    ["radical supplement forms, as the document readers map them", "⺇⻓⻏", "𠘨长邑"],
    ["full-width digits and letters", "２０２４年ＡＢｃ", "2024年ABc"],
    ["odd spaces", "a\u00a0b\u3000c", "a b c"],
    ["invisible characters", "\ufeff责\u200b任", "责任"],
    ["Windows line ends and form feeds", "a\r\nb\fc", "a\nb\n\nc"],
  ])("%s", (_name, input, output) => {
    expect(normaliseChars(input)).toBe(output);
  });

  it("keeps full-width punctuation as written (the annotations do)", () => {
    expect(normaliseChars("开展培训，（一）：；")).toBe("开展培训，（一）：；");
  });
});

describe("simplifyForDetection", () => {
  it("simplifies label characters one for one, so offsets stay valid", () => {
    const text = "牽頭單位：市司法局；責任單位：各縣";
    const simple = simplifyForDetection(text);
    expect(simple).toBe("牵头单位：市司法局；责任单位：各縣");
    expect(simple.length).toBe(text.length);
  });
});
