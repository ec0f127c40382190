import { describe, expect, it } from "vitest";
import { rates, shortfalls, sumScores } from "./score.js";
import { evaluateSeeds } from "./seeds.js";

// The same scoring as `npm run eval:parser`, so CI guards the accuracy targets of issue #3.
describe("parser accuracy on the seed plans", () => {
  const seeds = evaluateSeeds();

  it("scores all five seeds", () => {
    expect(seeds.map((s) => s.name)).toEqual(["000", "001", "002", "003", "004"]);
  });

  it("meets the targets overall", () => {
    const overall = rates(sumScores(seeds.map((s) => s.score)));
    expect(shortfalls(overall)).toEqual([]);
  });

  it.each(["000", "001", "002", "003", "004"])("meets the targets on seed %s", (name) => {
    const seed = seeds.find((s) => s.name === name);
    expect(seed && shortfalls(rates(seed.score))).toEqual([]);
  });
});
