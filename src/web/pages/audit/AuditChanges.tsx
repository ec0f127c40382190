import { Col, Flex, Row, Tag, Typography } from "antd";
import type { AuditEvent } from "../../../shared/api";

function Json({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      {value === null || value === undefined ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          无
        </Typography.Paragraph>
      ) : (
        <pre
          style={{
            marginTop: 8,
            padding: 12,
            background: "#fafafa",
            border: "1px solid #f0f0f0",
            borderRadius: 6,
            maxHeight: 360,
            overflow: "auto",
            fontSize: 12,
            whiteSpace: "pre-wrap",
            wordBreak: "break-all",
          }}
        >
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The top-level fields whose values differ between two versions of a record (empty unless both are records). */
function changedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** The record as it was before and after the change, with the changed fields named first. */
export function AuditChanges({ event }: { event: AuditEvent }) {
  const changed = changedFields(event.before, event.after);
  return (
    <>
      {changed.length > 0 && (
        <Flex wrap gap={4} align="center" style={{ marginBottom: 12 }}>
          <Typography.Text strong>变更字段：</Typography.Text>
          {changed.map((key) => (
            <Tag key={key} color="orange" style={{ marginInlineEnd: 0 }}>
              {key}
            </Tag>
          ))}
        </Flex>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Json title="变更前" value={event.before} />
        </Col>
        <Col xs={24} md={12}>
          <Json title="变更后" value={event.after} />
        </Col>
      </Row>
    </>
  );
}
