import { Col, Row, Typography } from "antd";
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

/** The record as it was before and after the change. */
export function AuditChanges({ event }: { event: AuditEvent }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Json title="变更前" value={event.before} />
      </Col>
      <Col xs={24} md={12}>
        <Json title="变更后" value={event.after} />
      </Col>
    </Row>
  );
}
