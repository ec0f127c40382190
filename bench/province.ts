/**
 * A synthetic province on top of the demo district, written with set-based SQL (insert … select from
 * generate_series): 3,000 units with a manager and a clerk each, 20 published plans over last year and this one
 * (5 sections, 50 tasks each), 100,000 assignments (each task to 100 units: one lead, cooperating and responsible
 * ones), their due dates (quarterly ongoing work, dated tasks, yearly reports) and 500,000 progress reports.
 * Dates are set around `today`, so the mix holds on any day: most past periods accepted, some waiting for review,
 * some sent back, some overdue with nothing in; a few assignments not yet signed for, a few cancelled.
 * The choices are made by hashing ids, so a run gives the same data for the same day.
 */
import pg from "pg";

/** BENCH_SCALE (default 1) shrinks the province for a quick run: 0.01 makes 30 units and 50 assignments. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const scaled = (full: number, least: number) => Math.max(least, Math.round(full * SCALE));

const units = scaled(3000, 10);
const plans = scaled(20, 2);
const tasksPerPlan = scaled(50, 5);
const unitsPerTask = Math.min(units, scaled(100, 5));
const PROVINCE = {
  units,
  plans,
  sectionsPerPlan: 5,
  tasksPerPlan,
  unitsPerTask,
  // five reports an assignment, as at full scale (100,000 assignments, 500,000 reports)
  reports: 5 * plans * tasksPerPlan * unitsPerTask,
};

export interface ProvinceCounts {
  units: number;
  users: number;
  plans: number;
  tasks: number;
  assignments: number;
  dueDates: number;
  overduePeriods: number;
  reports: number;
}

/** A stable pseudo-random number in [0, n) from an id and a salt. */
const pick = (expr: string, salt: number, n: number) =>
  `((hashint4((${expr})::int * 31 + ${salt}) & 2147483647) % ${n})`;

export async function generateProvince(url: string, today: string): Promise<{ counts: ProvinceCounts; ms: number }> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = (text: string, values: unknown[] = []) => client.query(text, values);
  const thisYear = Number(today.slice(0, 4));
  const { units, plans, sectionsPerPlan, tasksPerPlan, unitsPerTask } = PROVINCE;
  try {
    await run("set synchronous_commit = off");
    await run("begin");
    await run(
      `insert into units (name, type, sort_order)
       select format('%s%s', case when i % 10 < 6 then '模拟乡镇' when i % 10 < 8 then '模拟部门' else '模拟执法局' end,
                     lpad(i::text, 4, '0')),
              case when i % 10 < 6 then 'township' when i % 10 < 8 then 'department' else 'enforcement_department' end,
              1000 + i
       from generate_series(1, $1) i`,
      [units],
    );
    await run(
      `create temp table p_units as
       select id, (row_number() over (order by id) - 1)::int as k from units where sort_order > 1000`,
    );
    await run(
      `insert into users (username, display_name, unit_id, roles, password_hash)
       select format('p%s%s', u.k, r.suffix), format('模拟%s%s', r.label, u.k), u.id, array[r.role], '$argon2id$bench'
       from p_units u cross join (values ('m', '管理员', 'unit_manager'), ('s', '经办人', 'unit_staff')) as r(suffix, label, role)`,
    );
    await run(
      `insert into plans (title, doc_number, issuer, year, end_year, status, cadence, published_at)
       select format('模拟省法治政府建设实施方案任务分工（第%s号）', i), format('模拟政办发〔%s〕%s号', $2::int - 1, i),
              '模拟省人民政府办公厅', $2::int - 1, $2::int, 'published', 'quarterly', now()
       from generate_series(1, $1) i`,
      [plans, thisYear],
    );
    await run(
      `create temp table p_plans as
       select id, (row_number() over (order by id) - 1)::int as k from plans where title like '模拟省%'`,
    );
    await run(
      `insert into plan_sections (plan_id, number, title, sort_order)
       select p.id, (array['一','二','三','四','五','六','七','八','九','十'])[s], format('第%s部分重点工作', s), s
       from p_plans p cross join generate_series(1, $1) s`,
      [sectionsPerPlan],
    );
    // kind of deadline by task: 5 in 10 ongoing (reported quarterly), 3 dated, 2 yearly (每年12月底前)
    await run(
      `insert into tasks (plan_id, section_id, number, text, sort_order, deadlines)
       select p.id, s.id, j::text,
              format('深入推进依法行政，完善第%s项制度机制，按要求报送工作进展和佐证材料。', j), j,
              case when j % 10 < 5 then '[{"text":"长期坚持","kind":"ongoing"}]'::jsonb
                   when j % 10 < 8 then jsonb_build_array(jsonb_build_object('text', '按期完成', 'kind', 'date',
                     'due', (make_date($3::int - 1, 3, 31) + ((j * 37 + p.k * 11) % 700))::text))
                   else '[{"text":"每年12月底前","kind":"recurring","rule":{"every":"year","month":12}}]'::jsonb end
       from p_plans p
       cross join generate_series(1, $1) j
       join plan_sections s on s.plan_id = p.id and s.sort_order = ((j - 1) / ($1::int / $2::int)) + 1`,
      [tasksPerPlan, sectionsPerPlan, thisYear],
    );
    await run(
      `create temp table p_tasks as
       select t.id, t.plan_id, (row_number() over (order by t.id) - 1)::int as k,
              case when t.sort_order % 10 < 5 then 'ongoing' when t.sort_order % 10 < 8 then 'date' else 'yearly' end as kind,
              (t.deadlines -> 0 ->> 'due')::date as due
       from tasks t join p_plans p on p.id = t.plan_id`,
    );
    // each task to 100 distinct units (31 is prime to 3,000): the first leads, every fifth cooperates
    await run(
      `insert into task_units (task_id, plan_id, unit_id, role, phrase, sort_order)
       select t.id, t.plan_id, u.id,
              case when n = 0 then 'lead' when n % 5 = 1 then 'cooperating' else 'responsible' end, '模拟单位', n
       from p_tasks t cross join generate_series(0, $1 - 1) n
       join p_units u on u.k = (t.k * 37 + n * 31) % $2`,
      [unitsPerTask, units],
    );
    await run(
      `insert into assignments (plan_id, task_id, unit_id, role, status, acknowledged_at, assigned_on)
       select tu.plan_id, tu.task_id, tu.unit_id, tu.role, 'acknowledged', now(),
         (select make_date(p.year, 1, 1) from plans p where p.id = tu.plan_id)
       from task_units tu join p_tasks t on t.id = tu.task_id`,
    );
    await run(
      `create temp table p_assignments as
       select a.id, t.kind, t.due from assignments a join p_tasks t on t.id = a.task_id`,
    );
    await run(
      `insert into assignment_due_dates (assignment_id, due_on, label)
       select a.id, (make_date(y, q * 3, 1) + interval '1 month' - interval '1 day')::date,
              format('%s年第%s季度', y, (array['一','二','三','四'])[q])
       from p_assignments a cross join generate_series($1::int - 1, $1::int) y cross join generate_series(1, 4) q
       where a.kind = 'ongoing'
       union all
       select a.id, a.due, '完成时限' from p_assignments a where a.kind = 'date'
       union all
       select a.id, make_date(y, 12, 31), format('%s年度', y)
       from p_assignments a cross join generate_series($1::int - 1, $1::int) y where a.kind = 'yearly'`,
      [thisYear],
    );
    // past periods: 78% accepted, 6% waiting for review, 4% sent back, 12% nothing in (overdue);
    // periods due within a month: a fifth already reported
    await run(
      `update assignment_due_dates d set state = case
         when d.due_on < $1::date then case
           when ${pick("d.id", 1, 100)} < 78 then 'closed'
           when ${pick("d.id", 1, 100)} < 84 then 'submitted'
           when ${pick("d.id", 1, 100)} < 88 then 'returned'
           else 'open' end
         when d.due_on < $1::date + 30 and ${pick("d.id", 2, 5)} = 0 then 'submitted'
         else 'open' end
       from p_assignments a where a.id = d.assignment_id`,
      [today],
    );
    await run(
      `update assignments a set status = 'completed', completed_at = now()
       from p_assignments p join assignment_due_dates d on d.assignment_id = p.id
       where p.id = a.id and p.kind = 'date' and d.state = 'closed'`,
    );
    await run(
      `update assignments a set status = case when ${pick("a.id", 3, 200)} = 0 then 'cancelled' else 'new' end,
              acknowledged_at = null,
              cancelled_at = case when ${pick("a.id", 3, 200)} = 0 then now() end,
              cancelled_reason = case when ${pick("a.id", 3, 200)} = 0 then '职能调整' end
       from p_assignments p where p.id = a.id and a.status = 'acknowledged' and ${pick("a.id", 3, 25)} = 0`,
    );
    // reports: an accepted one per closed period (a quarter of them after a returned first revision), the
    // waiting and the returned ones, a withdrawn one on a third of the overdue periods
    await run(
      `insert into reports (assignment_id, period, status, revision, text, completion, submitted_at, reviewed_at, review_comment)
       select d.assignment_id, d.label, r.status, r.revision, '已按要求推进，详见台账材料。', 100,
              d.due_on - 3 + r.revision, case when r.status in ('accepted', 'returned') then d.due_on + r.revision end,
              case when r.status = 'returned' then '请补充佐证材料' end
       from assignment_due_dates d join p_assignments a on a.id = d.assignment_id
       cross join lateral (
         select 'accepted' as status, 2 as revision where d.state = 'closed' and ${pick("d.id", 4, 4)} = 0
         union all select 'returned', 1 where d.state = 'closed' and ${pick("d.id", 4, 4)} = 0
         union all select 'accepted', 1 where d.state = 'closed' and ${pick("d.id", 4, 4)} <> 0
         union all select 'submitted', 1 where d.state = 'submitted'
         union all select 'returned', 1 where d.state = 'returned'
         union all select 'withdrawn', 1 where d.state = 'open' and d.due_on < $1::date and ${pick("d.id", 5, 3)} = 0
       ) r`,
      [today],
    );
    // up to the province's count: earlier revisions withdrawn by the unit before it reported again
    const [{ n: made }] = (
      await run(`select count(*)::int as n from reports r join p_assignments a on a.id = r.assignment_id`)
    ).rows as { n: number }[];
    if (made < PROVINCE.reports) {
      await run(
        `insert into reports (assignment_id, period, status, revision, text, completion, created_at)
         select d.assignment_id, d.label, 'withdrawn', 1, '草稿，已撤回。', 50, d.due_on - 10
         from assignment_due_dates d join p_assignments a on a.id = d.assignment_id
         cross join generate_series(1, 4) copies
         where d.state <> 'open'
         order by ${pick("d.id", 6, 1000)}, d.id, copies
         limit $1`,
        [PROVINCE.reports - made],
      );
    }
    await run("commit");
    await run("analyze");
    const counts = (
      await run(
        `select (select count(*) from p_units)::int as units,
                (select count(*) from users u join p_units p on p.id = u.unit_id)::int as users,
                (select count(*) from p_plans)::int as plans,
                (select count(*) from p_tasks)::int as tasks,
                (select count(*) from p_assignments)::int as assignments,
                (select count(*) from assignment_due_dates d join p_assignments a on a.id = d.assignment_id)::int as "dueDates",
                (select count(*) from assignment_due_dates d join assignments a on a.id = d.assignment_id
                   join p_assignments p on p.id = a.id
                   where d.due_on < $1::date and d.state in ('open', 'returned')
                     and a.status not in ('cancelled', 'completed'))::int as "overduePeriods",
                (select count(*) from reports r join p_assignments a on a.id = r.assignment_id)::int as reports`,
        [today],
      )
    ).rows[0] as ProvinceCounts;
    return { counts, ms: performance.now() - started };
  } finally {
    await client.end();
  }
}
