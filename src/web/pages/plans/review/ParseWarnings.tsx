import { Alert, Button, Flex, Typography } from "antd";
import { useState } from "react";
import type { PlanDetail } from "../../../../shared/api";
import { keyed } from "../../../components/keyed";

type Props = { warnings: PlanDetail["warnings"]; onLocate: (offset: number) => void };

/** What the parser was unsure of, folded by default; a warning with a place in the text can be shown there. */
export function ParseWarnings({ warnings, onLocate }: Props) {
  const [open, setOpen] = useState(false);
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={`导入时有 ${warnings.length} 处内容需要人工核对`}
      action={
        <Button size="small" type="text" onClick={() => setOpen((o) => !o)}>
          {open ? "收起" : "查看"}
        </Button>
      }
      description={
        open ? (
          <Flex vertical gap={2} style={{ maxHeight: 180, overflow: "auto" }}>
            {keyed(warnings, (w) => `${w.code}:${w.start ?? ""}:${w.message}`).map(([key, warning]) => (
              <Flex key={key} gap={8} align="baseline">
                <Typography.Text>· {warning.message}</Typography.Text>
                {warning.start !== undefined && (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: "auto" }}
                    onClick={() => onLocate(warning.start as number)}
                  >
                    定位原文
                  </Button>
                )}
              </Flex>
            ))}
          </Flex>
        ) : undefined
      }
    />
  );
}
