import type { ResolveResult } from "../../../shared/api";

type MatchKind = NonNullable<ResolveResult["results"][number]["matchedBy"]>;

/** How a phrase matched the registry, as the coordinator reads it. */
export const MATCH_KIND_LABELS: Record<MatchKind, string> = {
  name: "全称",
  shortName: "简称",
  alias: "别名",
  group: "单位分组",
};
