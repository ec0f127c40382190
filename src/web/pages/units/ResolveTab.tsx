import { Alert, Button, Flex, Input, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import type { ResolveResult } from "../../../shared/api";
import { api, errorMessage } from "../../api/client";
import { MATCH_KIND_LABELS } from "./labels";

type Row = ResolveResult["results"][number];

/** The server accepts at most this many phrases per request. */
const MAX_PHRASES = 500;

function phrasesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

const columns: TableColumnsType<Row> = [
  { title: "短语", dataIndex: "phrase", key: "phrase", width: 220 },
  {
    title: "识别方式",
    key: "matchedBy",
    width: 160,
    render: (_, row) => {
      if (!row.matchedBy) return <Tag color="warning">未识别</Tag>;
      const how = MATCH_KIND_LABELS[row.matchedBy];
      return <Tag color="success">{row.group ? `${how}：${row.group.name}` : how}</Tag>;
    },
  },
  {
    title: "对应单位 / 建议",
    key: "units",
    render: (_, row) => {
      if (row.units.length > 0) {
        return (
          <Flex wrap gap={4}>
            {row.units.map((unit) => (
              <Tag key={unit.id} style={{ marginInlineEnd: 0 }}>
                {unit.name}
              </Tag>
            ))}
          </Flex>
        );
      }
      if (row.suggestions.length === 0) return <Typography.Text type="secondary">没有相近的单位</Typography.Text>;
      return (
        <Flex wrap gap={4} align="center">
          <Typography.Text type="secondary">您是否要找：</Typography.Text>
          {row.suggestions.map((s) => (
            <Tag key={s.id} color="processing" style={{ marginInlineEnd: 0 }}>
              {s.name}
            </Tag>
          ))}
        </Flex>
      );
    },
  },
];

/** 名称解析: paste unit phrases from a plan and see which registry units they resolve to. */
export function ResolveTab() {
  const [text, setText] = useState("");
  const [results, setResults] = useState<Row[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const phrases = phrasesOf(text);
  const tooMany = phrases.length > MAX_PHRASES;

  const resolve = async () => {
    setLoading(true);
    setError(null);
    try {
      const answer = await api.units.resolve(phrases);
      setResults(answer.results);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoading(false);
    }
  };

  const unmatched = results?.filter((r) => !r.matchedBy).length ?? 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Text type="secondary">
        每行一个单位名称或说法（如“区司法局”“各乡镇”），可检查方案中的责任单位能否被准确识别。
      </Typography.Text>
      <Input.TextArea
        aria-label="待解析的单位名称"
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={"区司法局\n各乡镇\n区市场监管局"}
      />
      <Flex gap={12} align="center">
        <Button type="primary" loading={loading} disabled={phrases.length === 0 || tooMany} onClick={resolve}>
          解析
        </Button>
        <Typography.Text type={tooMany ? "danger" : "secondary"}>
          {tooMany ? `一次最多解析 ${MAX_PHRASES} 行，当前 ${phrases.length} 行` : `共 ${phrases.length} 行`}
        </Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      {results && (
        <>
          <Alert
            type={unmatched > 0 ? "warning" : "success"}
            showIcon
            title={
              unmatched > 0
                ? `${results.length} 条中有 ${unmatched} 条未识别，可为对应单位添加别名或新建分组。`
                : `${results.length} 条全部识别。`
            }
          />
          <Table<Row> rowKey="phrase" size="middle" columns={columns} dataSource={results} pagination={false} />
        </>
      )}
    </Space>
  );
}
