import { Alert, Card, DatePicker, Flex, Select, Space, Table, type TableColumnsType } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { AuditEvent, AuditList, AuditQuery } from "../../../shared/api";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditLabel } from "../../../shared/audit";
import { api } from "../../api/client";
import { ExportButton, RefreshButton } from "../../components/ToolbarButtons";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";
import { AuditChanges } from "./AuditChanges";

type Filters = {
  entityType?: string;
  action?: string;
  actorId?: number;
  range: [Dayjs, Dayjs] | null;
};

type Paging = { page: number; pageSize: number };

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }));

type ActorOption = { value: number; label: string };

function toQuery(filters: Filters, paging: Paging): AuditQuery {
  return {
    entityType: filters.entityType,
    action: filters.action,
    actorId: filters.actorId,
    // Whole days in the user's time zone, sent as instants.
    from: filters.range ? filters.range[0].startOf("day").toISOString() : undefined,
    to: filters.range ? filters.range[1].endOf("day").toISOString() : undefined,
    limit: paging.pageSize,
    offset: (paging.page - 1) * paging.pageSize,
  };
}

/** Actors to filter by: every account that can appear in the log. */
function useActorOptions(): ActorOption[] {
  const [actors, setActors] = useState<ActorOption[]>([]);
  useEffect(() => {
    api.audit
      .actors()
      .then((list) => setActors(list.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))))
      .catch(() => setActors([]));
  }, []);
  return actors;
}

/** 审计日志: who changed what and when, newest first, with the record before and after each change. */
export default function AuditPage() {
  useDocumentTitle("审计日志");
  const [filters, setFilters] = useState<Filters>({ range: null });
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const actorOptions = useActorOptions();

  const listEvents = useCallback(() => api.audit.list(toQuery(filters, paging)), [filters, paging]);
  const {
    data: { items: events, total },
    loading,
    error: loadError,
    reload: load,
  } = useRemote<AuditList>(listEvents, { items: [], total: 0 });

  const changeFilters = (change: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const entityTypeOptions = useMemo(() => {
    const types = new Set([...Object.keys(AUDIT_ENTITY_TYPES), ...events.map((e) => e.entityType)]);
    return [...types].map((value) => ({ value, label: auditLabel(AUDIT_ENTITY_TYPES, value) }));
  }, [events]);

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: "时间",
      dataIndex: "at",
      key: "at",
      width: 180,
      render: (at: string) => dayjs(at).format("YYYY-MM-DD HH:mm:ss"),
    },
    {
      title: "操作人",
      key: "actor",
      width: 160,
      render: (_, e) => e.actorName ?? (e.actorId === null ? "系统" : `#${e.actorId}`),
    },
    { title: "动作", dataIndex: "action", key: "action", width: 140, render: (_, e) => e.actionLabel },
    {
      title: "对象类型",
      dataIndex: "entityType",
      key: "entityType",
      width: 120,
      render: (_, e) => e.entityTypeLabel,
    },
    { title: "对象ID", dataIndex: "entityId", key: "entityId", width: 100, render: (id: string | null) => id ?? "—" },
    { title: "IP", dataIndex: "ip", key: "ip", width: 140, render: (ip: string | null) => ip ?? "—" },
  ];

  return (
    <Card title="审计日志">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Flex wrap gap={12}>
          <Select
            aria-label="对象类型"
            allowClear
            placeholder="全部对象类型"
            options={entityTypeOptions}
            value={filters.entityType}
            onChange={(entityType: string | undefined) => changeFilters({ entityType })}
            style={{ width: 160 }}
          />
          <Select
            aria-label="动作"
            allowClear
            placeholder="全部动作"
            showSearch={{ optionFilterProp: "label" }}
            options={ACTION_OPTIONS}
            value={filters.action}
            onChange={(action: string | undefined) => changeFilters({ action })}
            style={{ width: 200 }}
          />
          <Select
            aria-label="操作人"
            allowClear
            placeholder="全部操作人"
            showSearch={{ optionFilterProp: "label" }}
            options={actorOptions}
            value={filters.actorId}
            onChange={(actorId: number | undefined) => changeFilters({ actorId })}
            style={{ width: 220 }}
          />
          <DatePicker.RangePicker
            aria-label="时间范围"
            value={filters.range}
            onChange={(range) => changeFilters({ range: range?.[0] && range[1] ? [range[0], range[1]] : null })}
            disabledDate={(day) => day.isAfter(dayjs().endOf("day"))}
          />
          <RefreshButton onClick={() => void load()} />
          <ExportButton onExport={() => api.audit.exportList(toQuery(filters, paging))} />
        </Flex>
        {loadError && <Alert type="error" showIcon title={loadError} />}
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={events}
          scroll={{ x: 900 }}
          expandable={{
            expandedRowRender: (event) => <AuditChanges event={event} />,
            rowExpandable: (event) => event.before != null || event.after != null,
          }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (count) => `共 ${count} 条记录`,
            onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
          locale={{ emptyText: "没有符合条件的记录" }}
        />
      </Space>
    </Card>
  );
}
