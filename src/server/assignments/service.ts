/**
 * Assignments as units see them: the coordinator sees all; a unit sees its own, and a lead unit also the
 * cooperating units' assignments of the tasks it leads. Nobody else sees a unit's assignments.
 */
import { and, asc, desc, eq, inArray, ne, notInArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { addDays } from "../../core/calendar.js";
import { assignmentSignal, occurrenceSignal } from "../../core/reports/signals.js";
import {
  type Assignment,
  type AssignmentListItem,
  type AssignmentListQuery,
  type AssignmentsAcknowledge,
  type DueDate,
  TASK_EXCERPT_CHARS,
  type TaskUnitProgress,
} from "../../shared/api.js";
import { can, type ReportStatus, type Signal } from "../../shared/domain.js";
import { recordAudit, recordAudits } from "../audit/record.js";
import type { Actor } from "../auth/actor.js";
import type { Db, Queryable } from "../db/client.js";
import { everyWordIn } from "../db/like.js";
import {
  type AssignmentRow,
  assignmentDueDates,
  assignments,
  plans,
  reports,
  tasks,
  units,
  users,
} from "../db/schema.js";
import { AppError, forbidden, notFound, versionConflict } from "../http/errors.js";
import type { ChangeContext } from "../units/service.js";

/** What a screen shows of a list (AssignmentsPage's page size): a bigger page is asked for. */
const DEFAULT_LIMIT = 20;

/** Who sees every unit's assignments: those who run plans and the leaders who follow them. */
export const seesAll = (actor: Actor) => can(actor.roles, "assignments.read_all");

/** The assignments an actor may see, as a condition on `assignments`; null when they see all. */
export function visibleTo(actor: Actor): SQL | null {
  if (seesAll(actor)) return null;
  const unitId = actor.unit?.id;
  if (unitId === undefined) return sql`false`;
  const visible = or(
    eq(assignments.unitId, unitId),
    and(
      eq(assignments.role, "cooperating"),
      // inside, "assignments" is the outer row: the table itself is named "lead" there
      sql`exists (select 1 from ${assignments} as "lead" where "lead"."task_id" = ${assignments.taskId}
        and "lead"."unit_id" = ${unitId} and "lead"."role" = 'lead' and "lead"."status" <> 'cancelled')`,
    ),
  );
  return visible ?? sql`false`;
}

/** Whether an actor may ask for one unit's list: their own unit, or one that cooperates on a task their unit leads. */
export async function mayListUnit(db: Db, actor: Actor, unitId: number): Promise<boolean> {
  if (seesAll(actor) || unitId === actor.unit?.id) return true;
  const [row] = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.unitId, unitId), visibleTo(actor) ?? undefined))
    .limit(1);
  return row !== undefined;
}

const dueOn = assignmentDueDates.dueOn;
/**
 * The lists' order: the first due date from today on, else the last one. One look at the assignment's periods (the
 * index on assignment_id, due_on), as the office's list sorts every assignment of the district by it.
 */
const nextOrLastDue = (today: string) =>
  sql<string | null>`(select coalesce(min(${dueOn}) filter (where ${dueOn} >= ${today}), max(${dueOn}))
    from ${assignmentDueDates} where ${assignmentDueDates.assignmentId} = ${assignments.id})`;
/** Overdue: a period whose date has passed with nothing reported (or its report sent back). */
const hasPast = (today: string) =>
  sql`exists (select 1 from ${assignmentDueDates} where ${assignmentDueDates.assignmentId} = ${assignments.id} and ${dueOn} < ${today} and ${assignmentDueDates.state} in ('open', 'returned'))`;
const dueBetween = (from: string, to: string) =>
  sql`exists (select 1 from ${assignmentDueDates} where ${assignmentDueDates.assignmentId} = ${assignments.id} and ${dueOn} >= ${from} and ${dueOn} <= ${to})`;

/**
 * One period's signal as SQL, the rule of core/reports/signals.ts (occurrenceSignal) on a row of
 * assignment_due_dates: done when closed; red when its date has passed with nothing reported (or its report sent
 * back); yellow when it falls due within the warning days with nothing reported; green otherwise.
 */
export function periodSignalSql({ today, yellowDays }: SignalDay): SQL<Signal> {
  const { state, dueOn: due } = assignmentDueDates;
  return sql<Signal>`(case
    when ${state} = 'closed' then 'done'
    when ${state} not in ('open', 'returned') then 'green'
    when ${due} < ${today} then 'red'
    when ${due} <= ${addDays(today, yellowDays)} then 'yellow'
    else 'green' end)`;
}

/** What an assignment's signal depends on, as SQL over its periods. */
interface SignalFacts {
  /** a period passed with nothing reported (or its report sent back) */
  overdue: SQL;
  /** a period not closed */
  open: SQL;
  /** any period at all */
  periods: SQL;
  /** the first period not closed (by due date, then id) waits for a report, and its due date */
  nextAwaiting: SQL;
  nextDue: SQL;
}

/**
 * The rule of core/reports/signals.ts (assignmentSignal) over the facts of an assignment's periods: done when completed
 * or every period closed; red when a period passed with nothing reported; yellow when the next open period falls due
 * within the warning days with nothing reported; else green.
 */
function signalRule({ today, yellowDays }: SignalDay, facts: SignalFacts): SQL<Signal> {
  return sql<Signal>`(case
    when ${assignments.status} = 'completed' then 'done'
    when ${facts.overdue} then 'red'
    when not ${facts.open}
      then (case when ${facts.periods} then 'done' else 'green' end)
    when ${facts.nextAwaiting} and ${facts.nextDue} <= ${addDays(today, yellowDays)} then 'yellow'
    else 'green' end)`;
}

/**
 * An assignment's signal as SQL on an `assignments` row, its periods read by subqueries, so that lists can be filtered
 * and counted by it.
 */
export function signalSql(day: SignalDay): SQL<Signal> {
  const periods = sql`${assignmentDueDates} as p where p.assignment_id = ${assignments.id}`;
  const next = sql`(select p.state from ${periods} and p.state <> 'closed' order by p.due_on, p.id limit 1)`;
  return signalRule(day, {
    overdue: sql`exists (select 1 from ${periods} and p.due_on < ${day.today} and p.state in ('open', 'returned'))`,
    open: sql`exists (select 1 from ${periods} and p.state <> 'closed')`,
    periods: sql`exists (select 1 from ${periods})`,
    nextAwaiting: sql`${next} in ('open', 'returned')`,
    nextDue: sql`(select min(p.due_on) from ${periods} and p.state <> 'closed')`,
  });
}

/**
 * The same signal over many assignments in one pass over their periods (the dashboard counts 100,000 of them):
 * `signalFactsSql` is the select list of `select … from assignment_due_dates group by assignment_id`, and
 * `signalOfFactsSql` the signal of an `assignments` row left-joined to that subquery as `alias`. The first open period
 * is found as the least of (days since 1900 × 2³³ + id × 2 + 1 when it awaits a report).
 */
export function signalFactsSql(day: SignalDay): SQL {
  const d = assignmentDueDates;
  const awaiting = sql`${d.state} in ('open', 'returned')`;
  return sql`${d.assignmentId} as assignment_id,
    bool_or(${d.dueOn} < ${day.today} and ${awaiting}) as overdue,
    bool_or(${d.state} <> 'closed') as open,
    min((${d.dueOn} - date '1900-01-01')::bigint * 8589934592 + ${d.id}::bigint * 2
      + (case when ${awaiting} then 1 else 0 end)) filter (where ${d.state} <> 'closed') as next`;
}

export function signalOfFactsSql(day: SignalDay, alias: string): SQL<Signal> {
  const f = sql.identifier(alias);
  return signalRule(day, {
    overdue: sql`coalesce(${f}.overdue, false)`,
    open: sql`coalesce(${f}.open, false)`,
    periods: sql`${f}.assignment_id is not null`,
    nextAwaiting: sql`${f}.next % 2 = 1`,
    nextDue: sql`date '1900-01-01' + (${f}.next / 8589934592)::int`,
  });
}

/** The condition of GET /api/assignments on `assignments`: what a list with this query holds (the dashboard counts it). */
export function assignmentFilters(query: AssignmentListQuery, actor: Actor, day: SignalDay): SQL | undefined {
  const { today } = day;
  const dueBefore = query.dueWithinDays !== undefined ? addDays(today, query.dueWithinDays) : query.dueBefore;
  const listed = ne(assignments.status, "cancelled");
  const open = notInArray(assignments.status, ["cancelled", "completed"]);
  return and(
    visibleTo(actor) ?? undefined,
    query.mine ? eq(assignments.unitId, actor.unit?.id ?? -1) : undefined,
    query.unitId ? eq(assignments.unitId, query.unitId) : undefined,
    query.planId ? eq(assignments.planId, query.planId) : undefined,
    query.role ? eq(assignments.role, query.role) : undefined,
    query.status ? eq(assignments.status, query.status) : listed,
    dueBefore ? and(open, dueBetween(today, dueBefore)) : undefined,
    query.overdue === true ? and(open, hasPast(today)) : undefined,
    query.overdue === false ? sql`not ${hasPast(today)}` : undefined,
    query.signal ? sql`${signalSql(day)} = ${query.signal}` : undefined,
    query.year ? dueBetween(`${query.year}-01-01`, `${query.year}-12-31`) : undefined,
    // each word of the search in the plan's title, the task's number or text, or the unit's name
    everyWordIn(query.q, [plans.title, tasks.number, tasks.text, units.name]),
  );
}

const acknowledger = alias(users, "acknowledger");

function selectAssignments(db: Db) {
  return db
    .select({
      assignment: assignments,
      planTitle: plans.title,
      taskNumber: tasks.number,
      taskText: tasks.text,
      deadlines: tasks.deadlines,
      unitName: units.name,
      acknowledgedByName: acknowledger.displayName,
      dueDates: periodsJson,
    })
    .from(assignments)
    .innerJoin(plans, eq(plans.id, assignments.planId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .leftJoin(acknowledger, eq(acknowledger.id, assignments.acknowledgedBy));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectAssignments>["execute"]>>[number];

/** A period as the lists carry it, without its signal (taken in the presenter on the day asked). */
type Period = Omit<DueDate, "signal">;

/** The periods of an assignment, as one JSON array: they come with their row, no second query per page. */
const periodsJson = sql<Period[] | null>`(select json_agg(json_build_object('id', d.id, 'dueOn', d.due_on,
    'label', d.label, 'state', d.state, 'extended', d.extended) order by d.due_on)
  from ${assignmentDueDates} as d where d.assignment_id = ${assignments.id})`;

/**
 * The rows of a list page: what the tables show (AssignmentListItem), the task's text cut in the database (a task runs
 * to a page; a district's list would carry them all), and the count of the whole list on every row.
 */
function selectListRows(db: Db) {
  return db
    .select({
      id: assignments.id,
      planId: assignments.planId,
      taskId: assignments.taskId,
      unitId: assignments.unitId,
      role: assignments.role,
      status: assignments.status,
      assignedOn: assignments.assignedOn,
      cancelledReason: assignments.cancelledReason,
      version: assignments.version,
      planTitle: plans.title,
      taskNumber: tasks.number,
      // one character more than the excerpt, to know whether it was cut
      taskStart: sql<string>`left(${tasks.text}, ${TASK_EXCERPT_CHARS + 1})`,
      deadlines: tasks.deadlines,
      unitName: units.name,
      dueDates: periodsJson,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(assignments)
    .innerJoin(plans, eq(plans.id, assignments.planId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(units, eq(units.id, assignments.unitId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof selectListRows>["execute"]>>[number];

/** The facts of an assignment's periods that the list and the detail both show, taken on the day asked. */
function periodFacts(status: Assignment["status"], periods: Period[] | null, { today, yellowDays }: SignalDay) {
  const dueDates = (periods ?? []).map((d) => ({ ...d, signal: occurrenceSignal(d, today, yellowDays) }));
  const open = status !== "cancelled" && status !== "completed";
  return {
    dueDates,
    nextDue: (dueDates.find((d) => d.dueOn >= today) ?? dueDates.at(-1))?.dueOn ?? null,
    overdue: open && dueDates.some((d) => d.signal === "red"),
    signal: assignmentSignal(status, dueDates, today, yellowDays),
  };
}

function presentListItem({ taskStart, total: _total, dueDates, ...row }: ListRow, day: SignalDay): AssignmentListItem {
  const cut = taskStart.length > TASK_EXCERPT_CHARS;
  return {
    ...row,
    ...periodFacts(row.status, dueDates, day),
    taskExcerpt: cut ? `${taskStart.slice(0, TASK_EXCERPT_CHARS)}…` : taskStart,
    taskExcerptCut: cut,
  };
}

/** The day the signals are taken on, and how many days ahead a period turns yellow. */
export interface SignalDay {
  today: string;
  yellowDays: number;
}

function present({ assignment: a, ...row }: Selected, day: SignalDay): Assignment {
  return {
    id: a.id,
    planId: a.planId,
    planTitle: row.planTitle,
    taskId: a.taskId,
    taskNumber: row.taskNumber,
    taskText: row.taskText,
    unitId: a.unitId,
    unitName: row.unitName,
    role: a.role,
    status: a.status,
    deadlines: row.deadlines,
    ...periodFacts(a.status, row.dueDates, day),
    assignedOn: a.assignedOn,
    notApplicable: a.notApplicable,
    completedAt: a.completedAt?.toISOString() ?? null,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: row.acknowledgedByName,
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
    cancelledReason: a.cancelledReason,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
  };
}

export async function listAssignments(
  db: Db,
  query: AssignmentListQuery,
  actor: Actor,
  day: SignalDay,
): Promise<{ items: AssignmentListItem[]; total: number }> {
  const order = [
    sql`${nextOrLastDue(day.today)} asc nulls last`,
    asc(assignments.planId),
    asc(tasks.sortOrder),
    asc(units.sortOrder),
    asc(assignments.id),
  ];
  const page = { limit: query.limit ?? DEFAULT_LIMIT, offset: query.offset ?? 0 };
  return assignmentPage(db, assignmentFilters(query, actor, day), order, page, day);
}

/**
 * A page of list rows (AssignmentListItem) that match `where`, in `order`, with the whole count: GET /api/assignments
 * and the inbox's trays, which pick and order their own rows.
 */
export async function assignmentPage(
  db: Db,
  where: SQL | undefined,
  order: SQL[],
  { limit, offset }: { limit: number; offset: number },
  day: SignalDay,
): Promise<{ items: AssignmentListItem[]; total: number }> {
  const rows = await selectListRows(db)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  // the count comes with the rows; a page past the end has none, and is counted on its own (rarely asked)
  const total =
    rows[0]?.total ??
    (offset === 0
      ? 0
      : (
          await db
            .select({ n: sql<number>`count(*)`.mapWith(Number) })
            .from(assignments)
            .innerJoin(plans, eq(plans.id, assignments.planId))
            .innerJoin(tasks, eq(tasks.id, assignments.taskId))
            .innerJoin(units, eq(units.id, assignments.unitId))
            .where(where)
        )[0].n);
  return { items: rows.map((row) => presentListItem(row, day)), total };
}

/** A refusal to show a unit's assignments is itself recorded: who tried to see what. */
export async function recordDenied(db: Db, ctx: ChangeContext, entityId: number | null, detail: object) {
  await recordAudit(db, {
    ...ctx,
    action: "assignment.access_denied",
    entityType: "assignment",
    entityId,
    after: detail,
  });
}

/** One assignment the actor may see; 404 (recorded) for one they may not, as for one that does not exist. */
export async function getAssignment(db: Db, id: number, actor: Actor, day: SignalDay, ctx: ChangeContext) {
  const visible = visibleTo(actor);
  const [row] = await selectAssignments(db).where(and(eq(assignments.id, id), visible ?? undefined));
  if (!row) {
    const [exists] = await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.id, id));
    if (exists) await recordDenied(db, ctx, id, { reason: "not_visible" });
    throw notFound("任务");
  }
  return present(row, day);
}

/**
 * The units of the assignment's task (任务分工), lead first. Each unit's progress is shown to whoever may see its
 * assignment: the office and the leaders see all, a unit its own, and the task's lead unit its cooperating units'
 * (whose reports it consolidates). `assignment` is one the actor may see (getAssignment).
 */
export async function taskUnitsOf(
  db: Db,
  assignment: Assignment,
  actor: Actor,
  day: SignalDay,
): Promise<TaskUnitProgress[]> {
  const rows = await selectAssignments(db).where(
    and(eq(assignments.taskId, assignment.taskId), ne(assignments.status, "cancelled")),
  );
  const ownUnit = actor.unit?.id;
  const leads = rows.some((r) => r.assignment.role === "lead" && r.assignment.unitId === ownUnit);
  const shows = ({ assignment: a }: (typeof rows)[number]) =>
    seesAll(actor) || a.unitId === ownUnit || (leads && a.role === "cooperating");
  const followed = rows.filter(shows);
  const latest = new Map<number, { id: number; period: string; status: ReportStatus; submittedAt: Date | null }>();
  if (followed.length > 0) {
    const sent = await db
      .select({
        id: reports.id,
        assignmentId: reports.assignmentId,
        period: reports.period,
        status: reports.status,
        submittedAt: reports.submittedAt,
      })
      .from(reports)
      .where(
        and(
          inArray(
            reports.assignmentId,
            followed.map((r) => r.assignment.id),
          ),
          notInArray(reports.status, ["draft", "withdrawn"]),
        ),
      )
      .orderBy(desc(reports.submittedAt), desc(reports.id));
    for (const r of sent) if (!latest.has(r.assignmentId)) latest.set(r.assignmentId, r);
  }
  const order = { lead: 0, responsible: 1, cooperating: 2 } as const;
  return rows
    .map((row) => {
      const shown = present(row, day);
      const report = latest.get(shown.id);
      return {
        assignmentId: shown.id,
        unitId: shown.unitId,
        unitName: shown.unitName,
        role: shown.role,
        status: shown.status,
        current: shown.id === assignment.id,
        progress: shows(row)
          ? {
              signal: shown.signal,
              nextDue: shown.nextDue,
              overdue: shown.overdue,
              latestReport: report
                ? {
                    id: report.id,
                    period: report.period,
                    status: report.status,
                    submittedAt: report.submittedAt?.toISOString() ?? null,
                  }
                : null,
            }
          : null,
      };
    })
    .sort((a, b) => order[a.role] - order[b.role] || a.unitName.localeCompare(b.unitName, "zh-CN"));
}

/** Records that the actor's unit signed for the assignment (签收), in the caller's transaction. */
export async function markAcknowledged(tx: Queryable, before: AssignmentRow, actor: Actor, ctx: ChangeContext) {
  const now = new Date();
  const [after] = await tx
    .update(assignments)
    .set({
      status: "acknowledged",
      acknowledgedAt: now,
      acknowledgedBy: actor.userId,
      version: before.version + 1,
      updatedAt: now,
    })
    .where(eq(assignments.id, before.id))
    .returning();
  await recordAudit(tx, {
    ...ctx,
    action: "assignment.acknowledge",
    entityType: "assignment",
    entityId: before.id,
    before,
    after,
  });
}

/**
 * 批量签收: a unit's manager signs for many of the unit's assignments at once, in one transaction: one unknown,
 * foreign, changed or already signed refuses them all, naming it, and nothing is signed.
 */
export async function acknowledgeAssignments(
  db: Db,
  input: AssignmentsAcknowledge,
  actor: Actor,
  ctx: ChangeContext,
): Promise<number> {
  const ids = [...new Set(input.items.map((i) => i.id))];
  const asked = new Map(input.items.map((i) => [i.id, i.version]));
  // whose they are is looked at first: a refusal is written to the audit log, outside the transaction that fails
  const units = await db
    .select({ id: assignments.id, unitId: assignments.unitId })
    .from(assignments)
    .where(inArray(assignments.id, ids));
  const foreign = units.find((u) => u.unitId !== actor.unit?.id);
  if (foreign) await recordDenied(db, ctx, foreign.id, { reason: "not_own_unit", action: "acknowledge" });
  if (foreign || units.length < ids.length) {
    throw new AppError(404, "not_found", "所选任务中有的不存在或不属于本单位，请刷新后重新选择");
  }
  return db.transaction(async (tx) => {
    const own = await tx
      .select({ assignment: assignments, taskNumber: tasks.number })
      .from(assignments)
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .where(inArray(assignments.id, ids))
      .orderBy(asc(assignments.id))
      .for("update", { of: assignments });
    const stale = own.filter(
      (r) => r.assignment.version !== asked.get(r.assignment.id) || r.assignment.status !== "new",
    );
    if (stale.length) {
      throw new AppError(
        409,
        "version_conflict",
        `任务 ${stale.map((r) => r.taskNumber).join("、")} 已被签收、取消或修改，请刷新后重新选择`,
        { assignmentIds: stale.map((r) => r.assignment.id) },
      );
    }
    const now = new Date();
    const after = await tx
      .update(assignments)
      .set({
        status: "acknowledged",
        acknowledgedAt: now,
        acknowledgedBy: actor.userId,
        version: sql`${assignments.version} + 1`,
        updatedAt: now,
      })
      .where(inArray(assignments.id, ids))
      .returning();
    const before = new Map(own.map((r) => [r.assignment.id, r.assignment]));
    await recordAudits(
      tx,
      after.map((a) => ({
        ...ctx,
        action: "assignment.acknowledge" as const,
        entityType: "assignment" as const,
        entityId: a.id,
        before: before.get(a.id),
        after: a,
      })),
    );
    return after.length;
  });
}

/** 签收: a user of the assignment's unit confirms receiving it. */
export async function acknowledgeAssignment(
  db: Db,
  id: number,
  version: number,
  actor: Actor,
  ctx: ChangeContext,
  day: SignalDay,
): Promise<Assignment> {
  const assignment = await getAssignment(db, id, actor, day, ctx);
  if (actor.unit?.id !== assignment.unitId) {
    await recordDenied(db, ctx, id, { reason: "not_own_unit", action: "acknowledge" });
    throw forbidden("只有本单位的管理员可以签收本单位的任务");
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(assignments).where(eq(assignments.id, id)).for("update");
    if (before.version !== version) throw versionConflict();
    if (before.status === "cancelled") throw new AppError(409, "assignment_cancelled", "该任务已取消，无需签收");
    if (before.status !== "new") throw new AppError(409, "already_acknowledged", "该任务已签收");
    await markAcknowledged(tx, before, actor, ctx);
  });
  return getAssignment(db, id, actor, day, ctx);
}
