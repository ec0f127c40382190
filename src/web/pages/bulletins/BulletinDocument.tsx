import { Form, Input, Table, Typography } from "antd";
import type { CSSProperties, ReactNode } from "react";
import { ADDRESSEE, bulletinBlocks, DRAFT_NUMBER } from "../../../core/bulletins/layout";
import type { Block } from "../../../core/documents/blocks";
import type { Bulletin } from "../../../shared/api";
import { keyed } from "../../components/keyed";

/** The document's faces, as the Word file names them, with the browser's own Chinese fonts after them. */
const FONTS = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "Noto Serif CJK SC", serif',
  body: '"仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif',
  heading: '"黑体", "SimHei", "Noto Sans CJK SC", sans-serif',
};

const page: CSSProperties = {
  maxWidth: 794,
  padding: "48px 64px",
  background: "#fff",
  border: "1px solid #f0f0f0",
  boxShadow: "0 1px 4px rgba(0,0,0,0.06)",
  fontFamily: FONTS.body,
  fontSize: 16,
  lineHeight: 1.9,
};
const paragraph: CSSProperties = { textIndent: "2em", margin: 0, fontFamily: FONTS.body, fontSize: 16 };
const centred: CSSProperties = { textAlign: "center", margin: 0 };

function lines(text: string): string[] {
  return text.split(/\n+/).filter((line) => line.trim() !== "");
}

function BlockTable({ block, index }: { block: Extract<Block, { kind: "table" }>; index: number }) {
  const rows = block.rows.map((cells, i) => ({ key: i, cells }));
  // the Word file's proportions
  const weights = block.widths ?? block.columns.map(() => 1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return (
    <Table
      data-testid={`bulletin-table-${index}`}
      size="small"
      bordered
      pagination={false}
      style={{ margin: "8px 0 16px" }}
      dataSource={rows}
      columns={block.columns.map((title, c) => ({
        title,
        key: String(c),
        width: `${((weights[c] / total) * 100).toFixed(1)}%`,
        align: c === 1 || title.includes("原因") || title === "任务" ? "left" : "center",
        render: (_: unknown, row: { cells: (string | number)[] }) => row.cells[c],
      }))}
    />
  );
}

/**
 * The bulletin as it will print (the same blocks the Word file is made of). With `editable`, the title, the opening
 * and the requirements are the form's fields, in their places; the tables are as generated.
 */
export function BulletinDocument({ bulletin, editable }: { bulletin: Bulletin; editable: boolean }) {
  const form = Form.useFormInstance();
  const intro = (Form.useWatch("intro", form) as string | undefined) ?? bulletin.intro;
  const closing = (Form.useWatch("closing", form) as string | undefined) ?? bulletin.closing;
  const blocks = bulletinBlocks(bulletin.content, intro, closing);
  let tables = 0;

  const render = (block: Block, i: number): ReactNode => {
    const editableText = editable && block.kind === "paragraph" && (i === 0 || i === blocks.length - 1);
    if (editableText) {
      const name = i === 0 ? "intro" : "closing";
      return (
        <Form.Item
          key={name}
          name={name}
          rules={[{ required: true, whitespace: true, message: i === 0 ? "请填写通报开头" : "请填写工作要求" }]}
          style={{ margin: "4px 0" }}
        >
          <Input.TextArea
            aria-label={i === 0 ? "通报开头" : "工作要求"}
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={5000}
            style={{ fontFamily: FONTS.body, fontSize: 16 }}
          />
        </Form.Item>
      );
    }
    if (block.kind === "heading")
      return (
        <p key={`h${i}`} style={{ ...paragraph, fontFamily: FONTS.heading }}>
          {block.text}
        </p>
      );
    if (block.kind === "table") return <BlockTable key={`t${i}`} block={block} index={tables++} />;
    return keyed(lines(block.text), (line) => `p${i}:${line}`).map(([key, line]) => (
      <p key={key} style={paragraph}>
        {line}
      </p>
    ));
  };

  return (
    <div style={page} data-testid="bulletin-document">
      {bulletin.issuer && (
        <p style={{ ...centred, color: "#e00", fontFamily: FONTS.title, fontSize: 30, letterSpacing: 2 }}>
          {bulletin.issuer}
        </p>
      )}
      <p
        style={{
          ...centred,
          marginTop: bulletin.issuer ? 24 : 0,
          paddingBottom: 8,
          borderBottom: bulletin.issuer ? "2px solid #e00" : undefined,
        }}
        data-testid="bulletin-number"
      >
        {bulletin.docNumber ?? `${DRAFT_NUMBER}（发布时编号）`}
      </p>
      <div style={{ margin: "32px 0 16px" }}>
        {editable ? (
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: "请填写标题" }]}>
            <Input.TextArea
              aria-label="标题"
              autoSize
              maxLength={200}
              style={{ textAlign: "center", fontFamily: FONTS.title, fontSize: 22, fontWeight: 600 }}
            />
          </Form.Item>
        ) : (
          <Typography.Title level={3} style={{ ...centred, fontFamily: FONTS.title }}>
            {bulletin.title}
          </Typography.Title>
        )}
      </div>
      <p style={{ margin: 0 }}>{ADDRESSEE}</p>
      {blocks.map(render)}
      {bulletin.contact && <p style={{ textIndent: "2em", margin: 0 }}>{bulletin.contact}</p>}
      <div style={{ textAlign: "right", paddingRight: "4em", marginTop: 32 }}>
        {bulletin.issuer && <p style={{ margin: 0 }}>{bulletin.issuer}</p>}
        <p style={{ margin: 0 }}>{bulletin.dateText}</p>
      </div>
    </div>
  );
}
