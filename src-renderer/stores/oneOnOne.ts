import { create } from 'zustand';
import { api, refusal } from '../api/keel';
import { useStatus } from './status';
import type { SummaryOptions, SummaryPeriod, SummaryPreviewFormat } from '../api/types';
import type { GetOneOnOne, OneOnOneState, SetOneOnOne } from './oneOnOneState';
import { rememberLocale, rememberSections, resetShareGenerations, shareActions } from './oneOnOneShare';
import { customError, periodOf, sinceLastOf, validChoicesOf, type BuilderChoices } from '../lib/oneOnOne';

export type { ActionOutcome, ShareOutcome, ShareTarget } from './oneOnOneState';

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
  nameLine: null,
  rememberedSections: null,
};

let pointsGeneration = 0;
let optionsGeneration = 0;

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

/** `list` with `id` in it (once) or out of it. */
function toggled(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}

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
      // The next summary starts with these (settings.summary), after a restart too.
      void rememberSections(get, set, sections);
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

export const useOneOnOne = create<OneOnOneState>()((set, get) => ({
  ...initial,
  open() {
    set((s) => ({ choice: { ...s.choice, since: null } }));
    void get().loadPoints();
    void get().loadOptions();
    void get().loadShares();
    void get().loadRemembered();
  },
  ...pointActions(set, get),
  ...choiceActions(set, get),
  setLocale: (locale) => void rememberLocale(get, set, locale),
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
  resetShareGenerations();
  useOneOnOne.setState({ ...initial, choice: { ...initial.choice, custom: { from: '', to: '' } } });
}
