import { Card, Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useUnits } from "../../components/useUnits";
import { OutboxTab } from "./OutboxTab";
import { RobotsTab } from "./RobotsTab";

/** 消息渠道 (admin): the group robots that hear of notices, and the outbox of emails and robot messages. */
export default function ChannelsPage() {
  useDocumentTitle("消息渠道");
  const [params, setParams] = useSearchParams();
  const registry = useUnits();
  const active = params.get("tab") === "outbox" ? "outbox" : "robots";

  return (
    <Card title="消息渠道">
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === "robots" ? {} : { tab: key }, { replace: true })}
        items={[
          { key: "robots", label: "群机器人", children: <RobotsTab registry={registry} /> },
          { key: "outbox", label: "外发消息", children: <OutboxTab /> },
        ]}
      />
    </Card>
  );
}
