import type { FormInstance } from "antd";
import { useEffect, useRef, useState } from "react";
import type { EvidenceFile, Report, ReportDetail } from "../../../shared/api";
import { ApiError, api, newIdempotencyKey } from "../../api/client";
import { useFormSave } from "../../components/useFormSave";
import { clearDraft, type ReportValues, readDraft, type StoredDraft, sameValues, writeDraft } from "./draftStore";

/** How long after the last keystroke the draft goes to the server. */
const AUTOSAVE_MS = 2000;

const REPORT_FIELDS = ["text", "completion", "links"] as const;

const EMPTY: ReportValues = { text: "", completion: null, links: [] };

const valuesOf = (report: Pick<Report, "text" | "completion" | "links">): ReportValues => ({
  text: report.text,
  completion: report.completion,
  links: report.links,
});

/** What the form holds, as the server takes it: antd gives undefined for a field never touched. */
function normalised(values: Partial<ReportValues>): ReportValues {
  return { text: values.text ?? "", completion: values.completion ?? null, links: values.links ?? [] };
}

const hasContent = (values: ReportValues, carried: readonly EvidenceFile[]) =>
  values.text.trim() !== "" || values.completion !== null || values.links.length > 0 || carried.length > 0;

type Options = {
  form: FormInstance<ReportValues>;
  assignmentId: number;
  /** the period's label; undefined for an assignment without calendar dates (the server takes its one period) */
  period: string | undefined;
  storageKey: string;
  /** the period's draft on the server, continued here; null to start one */
  draft: Report | null;
  /** the returned or withdrawn report a new one starts from: its words and files are taken over */
  basis: Report | null;
  /** Every answer of the server, so the page shows the report as it now stands. */
  onSaved: (report: ReportDetail) => void;
  /** The draft is no longer one (submitted or withdrawn elsewhere): the page reads the period again. */
  onStale: () => void;
};

type Start = { values: ReportValues; carried: EvidenceFile[]; restored: boolean; offer: StoredDraft | null };

/**
 * Where the form starts: the server's draft (or the report it is based on), unless this browser holds later typing of
 * the same draft, which is restored silently. Typing kept for another state of the draft (changed or submitted
 * elsewhere since) is offered, never applied unasked.
 */
function start(storageKey: string, draft: Report | null, basis: Report | null): Start {
  const server = draft ? valuesOf(draft) : basis ? valuesOf(basis) : EMPTY;
  const carried = draft ? [] : (basis?.files ?? []);
  const stored = readDraft(storageKey);
  if (!stored || sameValues(stored.values, server)) return { values: server, carried, restored: false, offer: null };
  const sameDraft = stored.reportId === (draft?.id ?? null) && (draft === null || stored.version === draft.version);
  if (!sameDraft) return { values: server, carried, restored: false, offer: stored };
  const kept = carried.filter((file) => stored.carriedFileIds.includes(file.id));
  return { values: stored.values, carried: kept, restored: true, offer: null };
}

/**
 * A progress report being written: kept in this browser on every change, saved to the server as a draft a moment
 * after typing stops (made with the first save, then PATCHed with its version), files added as they are dropped,
 * and submitted. The server's writes run one after another, each with the version the previous one answered.
 */
export function useReportDraft({ form, assignmentId, period, storageKey, draft, basis, onSaved, onStale }: Options) {
  const [initial] = useState(() => start(storageKey, draft, basis));
  const { saving, error, save, conflictOffer } = useFormSave<ReportDetail>(form, REPORT_FIELDS);

  const [report, setReport] = useState<Report | null>(draft);
  const [carried, setCarried] = useState<EvidenceFile[]>(initial.carried);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [offer, setOffer] = useState<StoredDraft | null>(initial.offer);
  const [storageRefused, setStorageRefused] = useState(false);

  const reportRef = useRef(draft);
  const carriedRef = useRef(initial.carried);
  const valuesRef = useRef(initial.values);
  /** what the server's draft says, to skip saves that would change nothing */
  const savedRef = useRef(draft ? valuesOf(draft) : EMPTY);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<number | undefined>(undefined);
  const pausedRef = useRef(false);
  // one key per report made and per submission: a retry after a lost answer gets the first request's result
  const createKey = useRef(newIdempotencyKey());
  const submitKey = useRef(newIdempotencyKey());

  // the page's callback as of the latest render, for writes that finish later
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const store = () => {
    const ok = writeDraft(storageKey, {
      values: valuesRef.current,
      reportId: reportRef.current?.id ?? null,
      version: reportRef.current?.version ?? null,
      carriedFileIds: carriedRef.current.map((file) => file.id),
      basedOn: basis?.id ?? null,
      typedAt: new Date().toISOString(),
    });
    setStorageRefused(!ok);
  };

  /** Runs one server write after those before it, whatever became of them. */
  const enqueue = <T>(write: () => Promise<T>): Promise<T> => {
    const run = chain.current.then(write, write);
    chain.current = run.catch(() => undefined);
    return run;
  };

  const adopt = (next: ReportDetail, saved: ReportValues) => {
    reportRef.current = next;
    savedRef.current = saved;
    carriedRef.current = [];
    setReport(next);
    setCarried([]);
    setSavedAt(new Date());
    store();
    onSavedRef.current(next);
  };

  const create = async (values: ReportValues, files: File[], submit: boolean) => {
    const key = submit ? submitKey : createKey;
    const send = () =>
      api.assignments.report(
        assignmentId,
        {
          period,
          text: values.text,
          ...(values.completion !== null ? { completion: values.completion } : {}),
          links: values.links,
          fileIds: carriedRef.current.map((file) => file.id),
          submit,
        },
        files,
        { idempotencyKey: key.current },
      );
    try {
      return await send();
    } catch (failure) {
      // the key went with other content before (a try whose answer was lost, then more typing): under a new key the
      // server continues the period's draft that try made, so nothing is made twice
      if (!(failure instanceof ApiError && failure.code === "idempotency_key_reused")) throw failure;
      key.current = newIdempotencyKey();
      return send();
    }
  };

  /** Saves what the form holds; answers the draft (made now when there was none). */
  const writeValues = async (): Promise<Report> => {
    const values = valuesRef.current;
    const current = reportRef.current;
    if (current && sameValues(values, savedRef.current)) return current;
    const next = current
      ? await api.reports.update(current.id, {
          version: current.version,
          text: values.text,
          completion: values.completion,
          links: values.links,
        })
      : await create(values, [], false);
    adopt(next, values);
    return next;
  };

  const handlers = {
    onConflict: () => {
      const id = reportRef.current?.id;
      // the conflict is already shown; without the latest draft there is just nothing to offer
      return id ? api.reports.get(id).catch(() => null) : Promise.resolve(null);
    },
  };

  /** A write with the form's error handling; a draft submitted or withdrawn elsewhere sends the page back to it. */
  const guarded = (write: () => Promise<void>) =>
    save(async () => {
      try {
        await write();
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === "not_draft") onStale();
        throw failure;
      }
    }, handlers);

  const autosave = () => {
    timer.current = undefined;
    if (pausedRef.current) return;
    if (!reportRef.current && !hasContent(valuesRef.current, carriedRef.current)) return;
    void guarded(async () => {
      await enqueue(writeValues);
    });
  };

  const schedule = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(autosave, AUTOSAVE_MS);
  };

  // typing restored from this browser goes to the server as if just typed
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on the first render
  useEffect(() => {
    if (initial.restored) schedule();
  }, []);

  // leaving the page with a save still waiting saves it now; should that fail, this browser still holds the typing
  const leave = useRef(() => {});
  leave.current = () => {
    if (timer.current === undefined) return;
    window.clearTimeout(timer.current);
    if (!pausedRef.current) enqueue(writeValues).catch(() => undefined);
  };
  useEffect(() => () => leave.current(), []);

  const onValuesChange = (_: unknown, all: Partial<ReportValues>) => {
    valuesRef.current = normalised(all);
    store();
    schedule();
  };

  /** Puts values in the form as if typed (a restored copy, the latest draft after a conflict). */
  const fill = (values: ReportValues) => {
    form.setFieldsValue(values);
    valuesRef.current = values;
    store();
  };

  const conflict = conflictOffer((latest) => {
    reportRef.current = latest;
    savedRef.current = valuesOf(latest);
    setReport(latest);
    fill(valuesOf(latest));
    onSavedRef.current(latest);
  });
  // while a conflict waits for the user's choice, saving again would only fail again
  pausedRef.current = conflict !== null;

  return {
    initialValues: initial.values,
    restored: initial.restored,
    report,
    /** the files the report has (or will have, once made) */
    files: report ? report.files : carried,
    saving,
    savedAt,
    error,
    conflict,
    storageRefused,
    onValuesChange,
    /** 本机 typing kept for another state of the draft: restore it or let it go */
    restoreOffer: offer && {
      typedAt: offer.typedAt,
      restore: () => {
        setOffer(null);
        fill(offer.values);
        schedule();
      },
      discard: () => {
        setOffer(null);
        store();
      },
    },

    /** 保存草稿: now, without waiting for the pause in typing. */
    saveNow: () => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
      return guarded(async () => {
        await enqueue(writeValues);
      });
    },

    /** Adds one evidence file (making the draft with it when there is none yet). */
    upload: (file: File) =>
      enqueue(async () => {
        const current = reportRef.current;
        const values = valuesRef.current;
        const next = current ? await api.reports.addFiles(current.id, [file]) : await create(values, [file], false);
        adopt(next, current ? savedRef.current : values);
      }),

    removeFile: (file: EvidenceFile) => {
      if (!reportRef.current) {
        carriedRef.current = carriedRef.current.filter((f) => f.id !== file.id);
        setCarried(carriedRef.current);
        store();
        return Promise.resolve(true);
      }
      return guarded(async () => {
        await enqueue(async () => {
          const current = reportRef.current as Report;
          const next = await api.reports.update(current.id, { version: current.version, removeFileIds: [file.id] });
          adopt(next, savedRef.current);
        });
      });
    },

    /**
     * 报送: saves what was typed and submits it. Without a draft yet, one request makes and submits the report, so an
     * empty form is refused by the server before anything is made.
     */
    submit: async (): Promise<ReportDetail | null> => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
      const outcome: { report: ReportDetail | null } = { report: null };
      await guarded(async () => {
        outcome.report = await enqueue(async () => {
          if (!reportRef.current) return create(valuesRef.current, [], true);
          const saved = await writeValues();
          return api.reports.submit(saved.id, saved.version, submitKey.current);
        });
      });
      if (outcome.report) clearDraft(storageKey);
      return outcome.report;
    },
  };
}
