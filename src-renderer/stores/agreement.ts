import { create } from 'zustand';
import { api, refusal, type ActionOutcome } from '../api/keel';
import type { Agreement, AgreementFormat, AgreementPreview, AgreementStatus } from '../api/types';

/** What the last save, copy or status copy came to, in one sentence. */
export type AgreementOutcome = { tone: 'success' | 'error'; message: string };
export type AgreementShareTarget = 'save' | 'copy';

interface AgreementState {
  /** The parts as stored in the settings; null until read. */
  saved: Agreement | null;
  /** The parts being edited (kept while the view is switched). */
  draft: Agreement | null;
  loadError: string | null;
  saving: boolean;
  format: AgreementFormat;
  preview: AgreementPreview | null;
  previewLoading: boolean;
  previewError: string | null;
  sharing: AgreementShareTarget | null;
  outcome: AgreementOutcome | null;
  status: AgreementStatus | null;
  statusOutcome: AgreementOutcome | null;
  /** Reads the stored parts, the preview and the status line. */
  open(): Promise<void>;
  edit(draft: Agreement): void;
  /** Stores the draft through settings:set; a refusal names its field (`teamZones.0.zone`). */
  save(): Promise<ActionOutcome>;
  setFormat(format: AgreementFormat): void;
  loadPreview(): Promise<void>;
  /** Saves (main's dialog) or copies the preview on screen: main checks it is still what leaves. */
  share(target: AgreementShareTarget): Promise<void>;
  loadStatus(): Promise<void>;
  /** Copies the status line shown; a changed one is refused and the new one shown. */
  copyStatus(): Promise<AgreementOutcome>;
}

const initial = {
  saved: null,
  draft: null,
  loadError: null,
  saving: false,
  format: 'text' as AgreementFormat,
  preview: null,
  previewLoading: false,
  previewError: null,
  sharing: null,
  outcome: null,
  status: null,
  statusOutcome: null,
};
let previewGeneration = 0;

const FORMAT_WORDS: Record<AgreementFormat, string> = { md: 'Markdown', text: 'text', ics: 'calendar' };

/** Copies or saves `preview` through main; null when the user cancelled the save dialog. */
async function shareOnce(
  preview: AgreementPreview,
  target: AgreementShareTarget,
): Promise<AgreementOutcome | null> {
  if (target === 'copy' && preview.format !== 'ics') {
    const result = await api.agreement.copy(preview.format, preview.contentHash);
    return result.ok
      ? { tone: 'success', message: `Copied as ${FORMAT_WORDS[preview.format]}. The share is logged.` }
      : { tone: 'error', message: result.message };
  }
  const result = await api.agreement.save(preview.format, preview.contentHash);
  if (!result.ok) return { tone: 'error', message: result.message };
  return result.value.saved
    ? { tone: 'success', message: `Saved ${result.value.fileName ?? 'the file'}. The share is logged.` }
    : null;
}

export const useAgreement = create<AgreementState>()((set, get) => ({
  ...initial,
  async open() {
    const settings = await api.settings();
    if (!settings.ok) {
      set({ loadError: settings.message });
      return;
    }
    const saved = settings.value.agreement;
    set((s) => ({ saved, draft: s.draft ?? saved, loadError: null }));
    await Promise.all([get().loadPreview(), get().loadStatus()]);
  },
  edit(draft) {
    set({ draft });
  },
  async save() {
    const draft = get().draft;
    if (draft === null) return { ok: false, message: 'The agreement is still loading.' };
    set({ saving: true });
    const result = await api.setSetting({ key: 'agreement', value: draft });
    if (!result.ok) {
      set({ saving: false });
      // The path starts with the setting's key; the form places the sentence by the rest.
      return refusal({ message: result.message, ...(result.path ? { path: result.path.slice(1) } : {}) });
    }
    set({ saving: false, saved: result.value.agreement, draft: result.value.agreement });
    await get().loadPreview();
    return { ok: true };
  },
  setFormat(format) {
    set({ format, outcome: null });
    void get().loadPreview();
  },
  async loadPreview() {
    const mine = ++previewGeneration;
    const format = get().format;
    set({ previewLoading: true });
    const result = await api.agreement.preview(format);
    if (mine !== previewGeneration) return;
    if (result.ok) set({ preview: result.value, previewLoading: false, previewError: null });
    else set({ previewLoading: false, previewError: result.message });
  },
  async share(target) {
    const preview = get().preview;
    if (preview === null) return;
    set({ sharing: target, outcome: null });
    const outcome = await shareOnce(preview, target);
    set({ sharing: null, outcome });
    if (outcome?.tone === 'error') await get().loadPreview();
  },
  async loadStatus() {
    const result = await api.agreement.status();
    set({ status: result.ok ? result.value : null });
  },
  async copyStatus() {
    const status = get().status;
    if (status === null) return { tone: 'error', message: 'The status line is still loading.' };
    const result = await api.agreement.copyStatus(status.contentHash);
    const outcome: AgreementOutcome = result.ok
      ? { tone: 'success', message: `Copied “${result.value.text}”. The share is logged.` }
      : { tone: 'error', message: result.message };
    set({ statusOutcome: outcome });
    if (!result.ok) await get().loadStatus();
    return outcome;
  },
}));

export function resetAgreement(): void {
  previewGeneration++;
  useAgreement.setState(initial);
}
