import { create, type StoreApi } from 'zustand';
import {
  updateApi,
  type UpdateDraftDto,
  type UpdateEdits,
  type UpdateFormat,
  type UpdateOffer,
  type UpdatePeriod,
  type UpdatePreview,
} from '../api/update';
import { addDays } from '../lib/weeklyUpdate';

export type UpdateSection = 'shipped' | 'next' | 'blockers';
/** A save in a format, or a copy of the Markdown or the plain text. */
export type UpdateShareTarget = UpdateFormat | 'copy-md' | 'copy-text';
export type UpdateOutcome = { tone: 'success' | 'error'; message: string };

interface WeeklyUpdateState {
  /** The period on screen; null until main has named the current week. */
  period: UpdatePeriod | null;
  draft: UpdateDraftDto | null;
  loadError: string | null;
  /** The lines being edited (a new row is an empty line until written). */
  edits: UpdateEdits | null;
  /** The edits main has kept (what the preview shows), as JSON: differs from `edits` while unsaved. */
  savedKey: string | null;
  saving: boolean;
  saveError: string | null;
  format: UpdateFormat;
  preview: UpdatePreview | null;
  /** The kept edits and period the preview was made for. */
  previewFor: string | null;
  previewLoading: boolean;
  previewError: string | null;
  sharing: UpdateShareTarget | null;
  outcome: UpdateOutcome | null;
  offer: UpdateOffer | null;
  load(period?: UpdatePeriod): Promise<void>;
  /** The week before (-1) or after (+1) the one on screen. */
  moveWeek(step: -1 | 1): void;
  setLine(section: UpdateSection, index: number, text: string): void;
  addLine(section: UpdateSection): void;
  removeLine(section: UpdateSection, index: number): void;
  moveLine(section: UpdateSection, index: number, step: -1 | 1): void;
  setOption(option: 'focus' | 'mood', on: boolean): void;
  /** Keeps the edits in main (the window calls it once typing pauses). */
  persist(): Promise<void>;
  /** Forgets the edits: the update is drafted from the sign-offs again. */
  reset(): Promise<void>;
  setFormat(format: UpdateFormat): void;
  loadPreview(): Promise<void>;
  share(target: UpdateShareTarget): Promise<void>;
  loadOffer(): Promise<void>;
  /** Answers the sign-off screen's offer (either way it does not come back this week). */
  answerOffer(): Promise<void>;
  /** Re-reads what has been asked for, after a push from main. */
  refresh(topics: ReadonlySet<string>): void;
}

const initial = {
  period: null,
  draft: null,
  loadError: null,
  edits: null,
  savedKey: null,
  saving: false,
  saveError: null,
  format: 'md' as UpdateFormat,
  preview: null,
  previewFor: null,
  previewLoading: false,
  previewError: null,
  sharing: null,
  outcome: null,
  offer: null,
};

type Set = StoreApi<WeeklyUpdateState>['setState'];
type Get = StoreApi<WeeklyUpdateState>['getState'];

let loadGeneration = 0;
let previewGeneration = 0;
let offerGeneration = 0;

/** The edits as main keeps them: blank lines are not lines. */
function keptKey(edits: UpdateEdits): string {
  const clean = (lines: string[]) => lines.map((l) => l.trim()).filter((l) => l.length > 0);
  return JSON.stringify({
    shipped: clean(edits.shipped),
    next: clean(edits.next),
    blockers: clean(edits.blockers),
    focus: edits.focus,
    mood: edits.mood,
  });
}

/** Whether the edits on screen are all kept in main. */
export function isKept(s: Pick<WeeklyUpdateState, 'edits' | 'savedKey'>): boolean {
  return s.edits !== null && keptKey(s.edits) === s.savedKey;
}

/** What the preview is made of: the period and the kept edits. */
export function previewKey(s: Pick<WeeklyUpdateState, 'period' | 'savedKey'>): string | null {
  return s.period === null || s.savedKey === null ? null : `${s.period.from}/${s.period.to}/${s.savedKey}`;
}

/** A draft from main; the lines on screen stay when they say the same (an empty new row survives). */
function received(set: Set, get: Get, draft: UpdateDraftDto): void {
  const key = keptKey(draft.edits);
  const { edits } = get();
  const keep = edits !== null && keptKey(edits) === key;
  set({
    draft,
    period: { from: draft.from, to: draft.to },
    edits: keep ? edits : draft.edits,
    savedKey: key,
    loadError: null,
  });
}

function editActions(
  set: Set,
  get: Get,
): Pick<WeeklyUpdateState, 'setLine' | 'addLine' | 'removeLine' | 'moveLine' | 'setOption'> {
  const change = (section: UpdateSection, lines: (current: string[]) => string[]) => {
    const { edits } = get();
    if (edits !== null) set({ edits: { ...edits, [section]: lines(edits[section]) }, outcome: null });
  };
  return {
    setLine: (section, index, text) => change(section, (l) => l.map((x, i) => (i === index ? text : x))),
    addLine: (section) => change(section, (l) => [...l, '']),
    removeLine: (section, index) => change(section, (l) => l.filter((_, i) => i !== index)),
    moveLine: (section, index, step) =>
      change(section, (l) => {
        const to = index + step;
        if (to < 0 || to >= l.length) return l;
        const next = [...l];
        [next[index], next[to]] = [next[to] as string, next[index] as string];
        return next;
      }),
    setOption(option, on) {
      const { edits } = get();
      if (edits !== null) set({ edits: { ...edits, [option]: on }, outcome: null });
    },
  };
}

function draftActions(
  set: Set,
  get: Get,
): Pick<WeeklyUpdateState, 'load' | 'moveWeek' | 'persist' | 'reset'> {
  return {
    async load(period) {
      const mine = ++loadGeneration;
      const result = await updateApi.draft(period ?? get().period ?? undefined);
      if (mine !== loadGeneration) return;
      if (result.ok) received(set, get, result.value);
      else set({ loadError: result.message });
    },
    moveWeek(step) {
      const { period } = get();
      if (period === null) return;
      const next = { from: addDays(period.from, 7 * step), to: addDays(period.to, 7 * step) };
      set({
        period: next,
        edits: null,
        savedKey: null,
        draft: null,
        preview: null,
        previewFor: null,
        outcome: null,
      });
      void get().load(next);
    },
    async persist() {
      const { period, edits, saving } = get();
      if (period === null || edits === null || saving || isKept(get())) return;
      set({ saving: true });
      const result = await updateApi.save(period, edits);
      set({ saving: false });
      if (!result.ok) {
        set({ saveError: result.message });
        return;
      }
      set({ saveError: null });
      // Another week may be on screen by now: only its own draft is taken.
      if (get().period?.from === result.value.from) received(set, get, result.value);
    },
    async reset() {
      const { period } = get();
      if (period === null) return;
      const result = await updateApi.reset(period);
      if (!result.ok) {
        set({ outcome: { tone: 'error', message: result.message } });
        return;
      }
      set({ edits: null });
      received(set, get, result.value);
    },
  };
}

const SAVED: Record<UpdateFormat, string> = { md: 'Markdown', text: 'text', html: 'HTML' };

function shareActions(set: Set, get: Get): Pick<WeeklyUpdateState, 'setFormat' | 'loadPreview' | 'share'> {
  return {
    setFormat: (format) => set({ format }),
    async loadPreview() {
      const key = previewKey(get());
      const { period, format } = get();
      if (key === null || period === null) return;
      const mine = ++previewGeneration;
      set({ previewLoading: true });
      const result = await updateApi.preview(period, format);
      if (mine !== previewGeneration) return;
      if (result.ok)
        set({ preview: result.value, previewFor: key, previewLoading: false, previewError: null });
      else set({ preview: null, previewFor: null, previewLoading: false, previewError: result.message });
    },
    async share(target) {
      // Exactly what is on screen: the preview's fingerprint for the format that leaves.
      const { preview, period, sharing } = get();
      if (preview === null || period === null || sharing !== null) return;
      const format: UpdateFormat = target === 'copy-md' ? 'md' : target === 'copy-text' ? 'text' : target;
      const hash = preview.hashes[format];
      set({ sharing: target, outcome: null });
      const result =
        target === 'copy-md' || target === 'copy-text'
          ? await updateApi.copy(period, format as 'md' | 'text', hash)
          : await updateApi.export(period, format, hash);
      set({ sharing: null });
      if (!result.ok) {
        set({ outcome: { tone: 'error', message: result.message } });
        if (result.code === 'conflict') void get().loadPreview();
        return;
      }
      const value = result.value;
      if ('copied' in value) {
        const what = format === 'md' ? 'the Markdown' : 'the text for chat';
        set({ outcome: { tone: 'success', message: `Copied ${what}. Paste it where your team reads it.` } });
      } else if (value.saved) {
        set({
          outcome: { tone: 'success', message: `Saved ${value.fileName ?? `the ${SAVED[format]} file`}.` },
        });
      }
    },
  };
}

export const useWeeklyUpdate = create<WeeklyUpdateState>()((set, get) => ({
  ...initial,
  ...draftActions(set, get),
  ...editActions(set, get),
  ...shareActions(set, get),
  async loadOffer() {
    const mine = ++offerGeneration;
    const result = await updateApi.offer();
    if (mine !== offerGeneration) return;
    // A failed read shows no offer: it is a suggestion, never something to retry.
    set({ offer: result.ok ? result.value : null });
  },
  async answerOffer() {
    offerGeneration++;
    set({ offer: null });
    await updateApi.answerOffer();
  },
  refresh(topics) {
    const s = get();
    const sources = ['summary', 'signoff', 'checkin', 'focus', 'settings'];
    // The draft follows the records it is made of; edits being typed are never replaced.
    if (s.draft !== null && sources.some((t) => topics.has(t)) && isKept(s)) {
      void s.load().then(() => void get().loadPreview());
    }
    if (['signoff', 'focus', 'summary', 'status', 'settings'].some((t) => topics.has(t))) void s.loadOffer();
  },
}));

export function resetWeeklyUpdate(): void {
  loadGeneration++;
  previewGeneration++;
  offerGeneration++;
  useWeeklyUpdate.setState(initial);
}
