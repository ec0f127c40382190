import { Card, Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useUnits } from "../../components/useUnits";
import { ResolveTab } from "./ResolveTab";
import { UnitGroupsTab } from "./UnitGroupsTab";
import { UnitRegistryTab } from "./UnitRegistryTab";

const TABS = ["registry", "groups", "resolve"] as const;
type TabKey = (typeof TABS)[number];

function tabFrom(value: string | null): TabKey {
  return TABS.find((t) => t === value) ?? "registry";
}

/** 单位管理: the registry, the unit groups that plan phrases such as 各乡镇 name, and a name-resolution check. */
export default function UnitsPage() {
  useDocumentTitle("单位管理");
  const [params, setParams] = useSearchParams();
  const registry = useUnits();
  const active = tabFrom(params.get("tab"));

  return (
    <Card title="单位管理">
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === "registry" ? {} : { tab: key }, { replace: true })}
        items={[
          { key: "registry", label: "单位名录", children: <UnitRegistryTab registry={registry} /> },
          { key: "groups", label: "单位分组", children: <UnitGroupsTab registry={registry} /> },
          { key: "resolve", label: "名称解析", children: <ResolveTab /> },
        ]}
      />
    </Card>
  );
}
