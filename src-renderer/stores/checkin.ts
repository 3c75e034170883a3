import { create, type StoreApi } from 'zustand';
import { api, refusal, type ActionOutcome } from '../api/keel';
import type {
  CheckForm,
  Checkin,
  CheckinInput,
  CheckinUpdate,
  CheckTrends,
  QuestionnaireKind,
  QuestionnaireOutcome,
  TrendRange,
} from '../api/types';
import { emptyDraft, periodDates, type CheckDraft } from '../lib/checkin';

export type { ActionOutcome };
/** A delete's outcome; `backups` when it was purged from the backups too. */
export type RemoveOutcome =
  { ok: true; backups?: { purged: number; failed: number } } | { ok: false; message: string };

/** A questionnaire's answers so far, one per item (null: not answered yet). */
export type QuestionnaireAnswers = (number | null)[];

interface CheckinState {
  form: CheckForm | null;
  formLoading: boolean;
  /** Why the form could not be read, one sentence. */
  formError: string | null;
  /** The quick check being answered. Kept here so switching views never loses it. */
  draft: CheckDraft;
  /** The check-in open in the Edit dialog, with its answers as edited so far. */
  editing: { id: string; draft: CheckDraft } | null;
  /** The period History and Trends look back over. */
  range: TrendRange;
  /** The date (main's today) History was read for; null until the view asked for it. */
  today: string | null;
  /** Check-ins in the period, most recent first. */
  history: Checkin[] | null;
  historyLoading: boolean;
  historyError: string | null;
  trends: CheckTrends | null;
  trendsLoading: boolean;
  trendsError: string | null;
  /** Questionnaire answers being given (kept like the draft). */
  answers: Record<QuestionnaireKind, QuestionnaireAnswers>;
  /** The last result of each questionnaire, shown until the user closes it. */
  outcomes: Partial<Record<QuestionnaireKind, QuestionnaireOutcome>>;
  /** A questionnaire that is not due, opened with "Take it again". */
  retaking: Record<QuestionnaireKind, boolean>;
  loadForm(): Promise<void>;
  /** Reads History for the period up to `today` (default: the last date asked for). */
  loadHistory(today?: string): Promise<void>;
  loadTrends(): Promise<void>;
  /** Looks back over another period: History and Trends are read again. */
  setRange(range: TrendRange): void;
  /** Re-reads what has been asked for (after a push from main). */
  refresh(): void;
  /** Re-reads the form if it has been asked for (its next prompt and due questionnaires). */
  refreshForm(): void;
  add(input: CheckinInput): Promise<ActionOutcome>;
  update(input: CheckinUpdate): Promise<ActionOutcome>;
  /** Deletes a check-in; with `purgeBackups`, from every backup copy too (says how many). */
  remove(id: string, purgeBackups?: boolean): Promise<RemoveOutcome>;
  answerQuestionnaire(kind: QuestionnaireKind, answers: number[]): Promise<ActionOutcome>;
  setDraft(draft: CheckDraft): void;
  setEditing(editing: { id: string; draft: CheckDraft } | null): void;
  setAnswers(kind: QuestionnaireKind, answers: QuestionnaireAnswers): void;
  setRetaking(kind: QuestionnaireKind, retaking: boolean): void;
  dismissOutcome(kind: QuestionnaireKind): void;
}

const initial = {
  form: null,
  formLoading: false,
  formError: null,
  draft: emptyDraft(),
  editing: null,
  range: '4w' as TrendRange,
  today: null,
  history: null,
  historyLoading: false,
  historyError: null,
  trends: null,
  trendsLoading: false,
  trendsError: null,
  answers: { burnout: [], who5: [] },
  outcomes: {},
  retaking: { burnout: false, who5: false },
};

let formGeneration = 0;
let historyGeneration = 0;
let trendsGeneration = 0;

/** Most recent first, by the instant (the ISO strings may carry different offsets). */
function newestFirst(checks: readonly Checkin[]): Checkin[] {
  return [...checks].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id));
}

type SetCheckin = StoreApi<CheckinState>['setState'];
type GetCheckin = StoreApi<CheckinState>['getState'];

/** Reading the form, History and trends; a newer read wins over an older one still on its way. */
function readActions(
  set: SetCheckin,
  get: GetCheckin,
): Pick<CheckinState, 'loadForm' | 'loadHistory' | 'loadTrends' | 'setRange' | 'refresh' | 'refreshForm'> {
  return {
    async loadForm() {
      const mine = ++formGeneration;
      set({ formLoading: true });
      const result = await api.checkin.form();
      if (mine !== formGeneration) return;
      if (result.ok) set({ form: result.value, formLoading: false, formError: null });
      else set({ formLoading: false, formError: result.message });
    },
    async loadHistory(today) {
      const date = today ?? get().today;
      if (date === null) return;
      const { from, to } = periodDates(get().range, date);
      const mine = ++historyGeneration;
      // The list on screen stays (marked busy) until the new one arrives: no jumping card.
      set({ today: date, historyLoading: true });
      const result = await api.checkin.list(from, to);
      if (mine !== historyGeneration) return;
      if (result.ok) set({ history: newestFirst(result.value), historyLoading: false, historyError: null });
      else set({ historyLoading: false, historyError: result.message });
    },
    async loadTrends() {
      const mine = ++trendsGeneration;
      set({ trendsLoading: true });
      const result = await api.checkin.trends(get().range);
      if (mine !== trendsGeneration) return;
      if (result.ok) set({ trends: result.value, trendsLoading: false, trendsError: null });
      else set({ trendsLoading: false, trendsError: result.message });
    },
    setRange(range) {
      if (range === get().range) return;
      set({ range });
      void get().loadTrends();
      void get().loadHistory();
    },
    refresh() {
      const s = get();
      s.refreshForm();
      if (s.today !== null) void s.loadHistory();
      if (s.trends !== null || s.trendsError !== null) void s.loadTrends();
    },
    refreshForm() {
      const s = get();
      if (s.form !== null || s.formError !== null) void s.loadForm();
    },
  };
}

/** Saving, changing and deleting check-ins and questionnaire answers; each answers one sentence. */
function writeActions(
  set: SetCheckin,
): Pick<CheckinState, 'add' | 'update' | 'remove' | 'answerQuestionnaire'> {
  return {
    async add(input) {
      const result = await api.checkin.add(input);
      if (!result.ok) return refusal(result);
      const check = result.value;
      // Shown at once; main's push then re-reads everything (trends, the form's count, History).
      set((s) => {
        const dates = s.today === null ? null : periodDates(s.range, s.today);
        const inRange = dates !== null && check.date >= dates.from && check.date <= dates.to;
        return { history: s.history && inRange ? newestFirst([check, ...s.history]) : s.history };
      });
      return { ok: true };
    },
    async update(input) {
      const result = await api.checkin.update(input);
      if (!result.ok) return refusal(result);
      const check = result.value;
      set((s) => ({
        history: s.history?.map((c) => (c.id === check.id ? check : c)) ?? null,
        editing: null,
      }));
      return { ok: true };
    },
    async remove(id, purgeBackups = false) {
      const result = await api.checkin.delete(id, purgeBackups);
      if (!result.ok) return { ok: false, message: result.message };
      set((s) => ({
        history: s.history?.filter((c) => c.id !== result.value.deleted) ?? null,
        editing: s.editing?.id === id ? null : s.editing,
      }));
      return result.value.backups ? { ok: true, backups: result.value.backups } : { ok: true };
    },
    async answerQuestionnaire(kind, answers) {
      const result = await api.checkin.questionnaire(kind, answers);
      if (!result.ok) return { ok: false, message: result.message };
      set((s) => ({
        outcomes: { ...s.outcomes, [kind]: result.value },
        answers: { ...s.answers, [kind]: [] },
        retaking: { ...s.retaking, [kind]: false },
      }));
      return { ok: true };
    },
  };
}

export const useCheckin = create<CheckinState>()((set, get) => ({
  ...initial,
  ...readActions(set, get),
  ...writeActions(set),
  setDraft: (draft) => set({ draft }),
  setEditing: (editing) => set({ editing }),
  setAnswers: (kind, answers) => set((s) => ({ answers: { ...s.answers, [kind]: answers } })),
  setRetaking: (kind, retaking) => set((s) => ({ retaking: { ...s.retaking, [kind]: retaking } })),
  dismissOutcome: (kind) =>
    set((s) => {
      const outcomes = { ...s.outcomes };
      delete outcomes[kind];
      return { outcomes };
    }),
}));

export function resetCheckin(): void {
  formGeneration++;
  historyGeneration++;
  trendsGeneration++;
  useCheckin.setState({ ...initial, draft: emptyDraft() });
}
