import { create, type StoreApi } from 'zustand';
import { api, refusal, type ActionOutcome } from '../api/keel';
import { useStatus } from './status';
import type {
  Share,
  SummaryChoices,
  SummaryExportFormat,
  SummaryOptions,
  SummaryPeriod,
  SummaryPreview,
  SummaryPreviewFormat,
  TalkingPoint,
} from '../api/types';
import {
  customError,
  periodOf,
  sinceLastOf,
  validChoicesOf,
  type BuilderChoices,
  type PeriodChoice,
} from '../lib/oneOnOne';

export type { ActionOutcome };

/** What the last export or copy came to, in one sentence. */
export type ShareOutcome = { tone: 'success' | 'error'; message: string };

interface OneOnOneState {
  /** Every talking point, open and discussed; null until the view asked. */
  points: TalkingPoint[] | null;
  pointsError: string | null;
  /** The talking point being written: kept here so a view switch does not lose it. */
  pointDraft: string;
  setPointDraft(text: string): void;
  options: SummaryOptions | null;
  optionsLoading: boolean;
  optionsError: string | null;
  choice: BuilderChoices;
  format: SummaryPreviewFormat;
  /** The preview on screen, and the choices (as JSON) it was made for. */
  preview: SummaryPreview | null;
  previewFor: string | null;
  previewLoading: boolean;
  previewError: string | null;
  /** Bumped when data behind the summary changed (talking points, check-ins, settings). */
  revision: number;
  shares: Share[] | null;
  sharesError: string | null;
  /** The export or copy under way. */
  sharing: SummaryExportFormat | 'copy' | null;
  outcome: ShareOutcome | null;
  /** Reads everything the view shows; "since the last share" is read afresh. */
  open(): void;
  loadPoints(): Promise<void>;
  addPoint(text: string): Promise<ActionOutcome>;
  setDiscussed(id: string, discussed: boolean): Promise<ActionOutcome>;
  deletePoint(id: string): Promise<ActionOutcome>;
  editPoint(id: string, text: string): Promise<ActionOutcome>;
  movePoint(id: string, direction: 'up' | 'down'): Promise<ActionOutcome>;
  /** Reads the options (sections, presets, the period's notes) for the chosen period. */
  loadOptions(): Promise<void>;
  setPeriod(period: PeriodChoice): void;
  setCustom(from: string, to: string): void;
  setSection(id: string, on: boolean): void;
  setNote(id: string, on: boolean): void;
  /** Ticks a custom tag of a check-in with a private note into "Where I feel stretched". */
  setPrivateTag(id: string, on: boolean): void;
  setFormat(format: SummaryPreviewFormat): void;
  /** The choices as main takes them; null while options are unknown or the dates are invalid. */
  currentChoices(): SummaryChoices | null;
  loadPreview(): Promise<void>;
  share(format: SummaryExportFormat | 'copy'): Promise<void>;
  loadShares(): Promise<void>;
  /** Re-reads what has been asked for, after a push from main. */
  refresh(topics: ReadonlySet<string>): void;
}

const initial = {
  points: null,
  pointsError: null,
  pointDraft: '',
  options: null,
  optionsLoading: false,
  optionsError: null,
  choice: {
    period: 'sinceLast',
    custom: { from: '', to: '' },
    sections: null,
    noteIds: [],
    privateTags: [],
    since: null,
  } as BuilderChoices,
  format: 'md' as SummaryPreviewFormat,
  preview: null,
  previewFor: null,
  previewLoading: false,
  previewError: null,
  revision: 0,
  shares: null,
  sharesError: null,
  sharing: null,
  outcome: null,
};

let pointsGeneration = 0;
let optionsGeneration = 0;
let previewGeneration = 0;
let sharesGeneration = 0;

/**
 * The dates to read options for: the chosen period once the presets are known; null while they
 * are not (or for "since the last share", whose dates may have moved); 'invalid' for custom dates
 * that make no period.
 */
function periodWanted(
  options: SummaryOptions | null,
  choice: BuilderChoices,
): SummaryPeriod | null | 'invalid' {
  if (options === null) return null;
  if (choice.period === 'sinceLast') return choice.since?.period ?? null;
  const period = periodOf(options, choice);
  if (choice.period === 'custom' && customError(period) !== null) return 'invalid';
  return period;
}

/** Main's today, from the status; a fixed date when the status is not known yet. */
function firstPeriod(): SummaryPeriod {
  const today = useStatus.getState().status?.today.date ?? '2000-01-01';
  return { from: today, to: today };
}

const SHARED: Record<SummaryExportFormat, string> = { md: 'Markdown', html: 'HTML', pdf: 'PDF' };

/** `list` with `id` in it (once) or out of it. */
function toggled(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}

type SetOneOnOne = StoreApi<OneOnOneState>['setState'];
type GetOneOnOne = StoreApi<OneOnOneState>['getState'];

/** Talking points: read, add, mark discussed, delete; each change moves the preview's revision. */
function pointActions(
  set: SetOneOnOne,
  get: GetOneOnOne,
): Pick<
  OneOnOneState,
  'loadPoints' | 'setPointDraft' | 'addPoint' | 'setDiscussed' | 'deletePoint' | 'editPoint' | 'movePoint'
> {
  return {
    async loadPoints() {
      const mine = ++pointsGeneration;
      const result = await api.talk.list(true);
      if (mine !== pointsGeneration) return;
      if (result.ok) set({ points: result.value, pointsError: null });
      else set({ pointsError: result.message });
    },
    setPointDraft(text) {
      set({ pointDraft: text });
    },
    async addPoint(text) {
      const result = await api.talk.add(text);
      if (!result.ok) return refusal(result);
      set((s) => ({ points: [...(s.points ?? []), result.value], revision: s.revision + 1 }));
      void get().loadPoints();
      return { ok: true };
    },
    async setDiscussed(id, discussed) {
      const result = await api.talk.discussed(id, discussed);
      if (!result.ok) return refusal(result);
      set((s) => ({
        points: s.points?.map((p) => (p.id === id ? result.value : p)) ?? null,
        revision: s.revision + 1,
      }));
      return { ok: true };
    },
    async deletePoint(id) {
      const result = await api.talk.delete(id);
      if (!result.ok) return refusal(result);
      set((s) => ({ points: s.points?.filter((p) => p.id !== id) ?? null, revision: s.revision + 1 }));
      return { ok: true };
    },
    async editPoint(id, text) {
      const result = await api.talk.edit(id, text);
      if (!result.ok) return refusal(result);
      set((s) => ({
        points: s.points?.map((p) => (p.id === id ? result.value : p)) ?? null,
        revision: s.revision + 1,
      }));
      return { ok: true };
    },
    async movePoint(id, direction) {
      pointsGeneration++;
      const result = await api.talk.move(id, direction);
      if (!result.ok) return refusal(result);
      set((s) => ({ points: result.value, revision: s.revision + 1 }));
      return { ok: true };
    },
  };
}

/** The summary's choices: the period (and its options from main), sections, notes and format. */
function choiceActions(
  set: SetOneOnOne,
  get: GetOneOnOne,
): Pick<
  OneOnOneState,
  | 'loadOptions'
  | 'setPeriod'
  | 'setCustom'
  | 'setSection'
  | 'setNote'
  | 'setPrivateTag'
  | 'setFormat'
  | 'currentChoices'
> {
  return {
    async loadOptions() {
      const mine = ++optionsGeneration;
      const wanted = periodWanted(get().options, get().choice);
      if (wanted === 'invalid') return;
      set({ optionsLoading: true });
      // `summary:options` is always given dates: over the bridge a call without input sends `{}`,
      // which main refuses. Until main has named the presets, ask for today (from the status).
      let result = await api.summary.options(wanted ?? firstPeriod());
      if (mine !== optionsGeneration) return;
      // The notes listed must be those of "since the last share": ask again once its dates are known.
      if (result.ok && wanted === null && get().choice.period === 'sinceLast') {
        const since = result.value.periods.sinceLast;
        const asked = firstPeriod();
        if (since.from !== asked.from || since.to !== asked.to) {
          result = await api.summary.options(since);
          if (mine !== optionsGeneration) return;
        }
      }
      if (!result.ok) {
        set({ optionsLoading: false, optionsError: result.message });
        return;
      }
      const options = result.value;
      set((s) => {
        const choice = { ...s.choice, since: s.choice.since ?? sinceLastOf(options) };
        // The custom dates start as the preset the user last looked at.
        if (choice.custom.from === '' && choice.custom.to === '' && choice.period !== 'custom')
          choice.custom = { ...periodOf(options, choice) };
        return { options, optionsLoading: false, optionsError: null, choice };
      });
    },
    setPeriod(period) {
      const { choice, options } = get();
      if (period === choice.period) return;
      const custom =
        period === 'custom' && options !== null ? { ...periodOf(options, choice) } : choice.custom;
      set({ choice: { ...choice, period, custom } });
      void get().loadOptions();
    },
    setCustom(from, to) {
      set((s) => ({ choice: { ...s.choice, custom: { from, to } } }));
      void get().loadOptions();
    },
    setSection(id, on) {
      const { options, choice } = get();
      if (options === null) return;
      const current = choice.sections ?? options.sections.filter((s) => s.default).map((s) => s.id);
      const sections = on ? [...new Set([...current, id])] : current.filter((s) => s !== id);
      set({ choice: { ...choice, sections } });
    },
    setNote(id, on) {
      const { options, choice } = get();
      // A note that is not marked "may be shared" can never be ticked.
      if (on && !options?.notes.some((n) => n.id === id && n.shareable)) return;
      set({ choice: { ...choice, noteIds: toggled(choice.noteIds, id, on) } });
    },
    setPrivateTag(id, on) {
      const { options, choice } = get();
      if (on && !options?.privateTags.some((t) => t.id === id)) return;
      set({ choice: { ...choice, privateTags: toggled(choice.privateTags, id, on) } });
    },
    setFormat: (format) => set({ format }),
    currentChoices() {
      const { options, choice } = get();
      return validChoicesOf(options, choice);
    },
  };
}

/** The preview of the current choices, saving or copying it, and the log of what was shared. */
function shareActions(
  set: SetOneOnOne,
  get: GetOneOnOne,
): Pick<OneOnOneState, 'loadPreview' | 'share' | 'loadShares'> {
  return {
    async loadPreview() {
      const choices = get().currentChoices();
      if (choices === null) return;
      const format = get().format;
      const key = JSON.stringify(choices);
      const mine = ++previewGeneration;
      set({ previewLoading: true });
      const result = await api.summary.preview(choices, format);
      if (mine !== previewGeneration) return;
      if (result.ok)
        set({ preview: result.value, previewFor: key, previewLoading: false, previewError: null });
      else set({ preview: null, previewFor: null, previewLoading: false, previewError: result.message });
    },
    async share(format) {
      // Exactly what is on screen: the preview's choices, and its fingerprint for this format
      // (PDF prints the HTML, copy is the Markdown). Main refuses if the summary changed since.
      const { preview, previewFor, sharing } = get();
      if (preview === null || previewFor === null || sharing !== null) return;
      const choices = JSON.parse(previewFor) as SummaryChoices;
      const contentHash = format === 'md' || format === 'copy' ? preview.hashes.md : preview.hashes.html;
      set({ sharing: format, outcome: null });
      const result =
        format === 'copy'
          ? await api.summary.copy(choices, contentHash)
          : await api.summary.export(choices, format, contentHash);
      if (!result.ok) {
        set({ sharing: null, outcome: { tone: 'error', message: result.message } });
        // Changed since the preview: nothing left; show the new preview to check and save again.
        if (result.code === 'conflict') {
          set({ preview: null, previewFor: null });
          void get().loadPreview();
        }
        return;
      }
      const value = result.value;
      if ('copied' in value) {
        set({
          sharing: null,
          outcome: { tone: 'success', message: 'Copied the Markdown. Paste it where you need it.' },
        });
        get().refresh(new Set(['summary']));
        return;
      }
      // Cancelled in the save dialog: nothing was written, nothing to say.
      const { saved, fileName } = value;
      set({
        sharing: null,
        outcome: saved
          ? {
              tone: 'success',
              message: `Saved ${fileName ?? `the ${SHARED[format as SummaryExportFormat]} file`}.`,
            }
          : null,
      });
      if (saved) get().refresh(new Set(['summary']));
    },
    async loadShares() {
      const mine = ++sharesGeneration;
      const result = await api.summary.shares();
      if (mine !== sharesGeneration) return;
      if (result.ok) set({ shares: result.value, sharesError: null });
      else set({ sharesError: result.message });
    },
  };
}

export const useOneOnOne = create<OneOnOneState>()((set, get) => ({
  ...initial,
  open() {
    set((s) => ({ choice: { ...s.choice, since: null } }));
    void get().loadPoints();
    void get().loadOptions();
    void get().loadShares();
  },
  ...pointActions(set, get),
  ...choiceActions(set, get),
  ...shareActions(set, get),
  refresh(topics) {
    const s = get();
    if (topics.has('talk') && (s.points !== null || s.pointsError !== null)) void s.loadPoints();
    if (topics.has('summary') && (s.shares !== null || s.sharesError !== null)) void s.loadShares();
    const asked = s.options !== null || s.optionsError !== null;
    if (!asked) return;
    if (topics.has('summary') || topics.has('checkin') || topics.has('settings')) void s.loadOptions();
    if (topics.has('talk') || topics.has('summary') || topics.has('checkin') || topics.has('settings'))
      set({ revision: s.revision + 1 });
  },
}));

export function resetOneOnOne(): void {
  pointsGeneration++;
  optionsGeneration++;
  previewGeneration++;
  sharesGeneration++;
  useOneOnOne.setState({ ...initial, choice: { ...initial.choice, custom: { from: '', to: '' } } });
}
