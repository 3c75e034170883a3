import { api, refusal } from '../api/keel';
import type { SummaryChoices, SummaryCopyFormat, SummaryPreview } from '../api/types';
import type {
  GetOneOnOne,
  OneOnOneState,
  RememberedSections,
  SetOneOnOne,
  ShareTarget,
} from './oneOnOneState';

/** The preview of the current choices, saving or copying it, the share log, and what is remembered. */

const SAVED: Record<'md' | 'html' | 'pdf', string> = { md: 'Markdown', html: 'HTML', pdf: 'PDF' };

const COPIED: Record<SummaryCopyFormat, string> = {
  md: 'Copied the Markdown. Paste it where you need it.',
  text: 'Copied for chat: plain text, no Markdown. Paste it into Slack or Teams.',
  rich: 'Copied as rich text. Paste it into Docs, Confluence or Notion.',
};

/** The preview's fingerprint for what `target` sends (PDF prints the HTML). */
function fingerprintFor(preview: SummaryPreview, target: ShareTarget): string {
  switch (target) {
    case 'md':
    case 'copy-md':
      return preview.hashes.md;
    case 'html':
    case 'pdf':
      return preview.hashes.html;
    case 'copy-text':
      return preview.hashes.text;
    case 'copy-rich':
      return preview.hashes.rich;
  }
}

let previewGeneration = 0;
let sharesGeneration = 0;

/** Forgets answers still on their way (the store is being reset). */
export function resetShareGenerations(): void {
  previewGeneration++;
  sharesGeneration++;
}

export function shareActions(
  set: SetOneOnOne,
  get: GetOneOnOne,
): Pick<OneOnOneState, 'loadPreview' | 'share' | 'loadShares' | 'loadRemembered' | 'saveNameLine'> {
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
    async share(target) {
      // Exactly what is on screen: the preview's choices, and its fingerprint for what this sends.
      // Main refuses if the summary changed since.
      const { preview, previewFor, sharing } = get();
      if (preview === null || previewFor === null || sharing !== null) return;
      const choices = JSON.parse(previewFor) as SummaryChoices;
      const contentHash = fingerprintFor(preview, target);
      set({ sharing: target, outcome: null });
      const copy = target.startsWith('copy-') ? (target.slice(5) as SummaryCopyFormat) : null;
      const result =
        copy !== null
          ? await api.summary.copy(choices, contentHash, copy)
          : await api.summary.export(choices, target as 'md' | 'html' | 'pdf', contentHash);
      if (!result.ok) {
        set({ sharing: null, outcome: { tone: 'error', message: result.message } });
        // Changed since the preview: nothing left; show the new preview to check and share again.
        if (result.code === 'conflict') {
          set({ preview: null, previewFor: null });
          void get().loadPreview();
        }
        return;
      }
      const value = result.value;
      if ('copied' in value) {
        set({ sharing: null, outcome: { tone: 'success', message: COPIED[copy ?? 'md'] } });
        get().refresh(new Set(['summary']));
        return;
      }
      // Cancelled in the save dialog: nothing was written, nothing to say.
      const { saved, fileName } = value;
      const words = SAVED[target as 'md' | 'html' | 'pdf'];
      set({
        sharing: null,
        outcome: saved ? { tone: 'success', message: `Saved ${fileName ?? `the ${words} file`}.` } : null,
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
    async loadRemembered() {
      const result = await api.settings();
      if (result.ok) {
        const { nameLine, sections, locale } = result.value.summary;
        set((s) => ({ nameLine, rememberedSections: sections, choice: { ...s.choice, locale } }));
      }
    },
    async saveNameLine(text) {
      const sections = get().rememberedSections;
      const locale = get().choice.locale ?? null;
      const result = await api.setSetting({ key: 'summary', value: { nameLine: text, sections, locale } });
      if (!result.ok) return refusal(result);
      set({ nameLine: result.value.summary.nameLine, rememberedSections: result.value.summary.sections });
      return { ok: true };
    },
  };
}

/** Saves the chosen sections as the builder's next defaults (quietly: a failure keeps the old ones). */
export async function rememberSections(get: GetOneOnOne, set: SetOneOnOne, chosen: string[]): Promise<void> {
  const nameLine = get().nameLine ?? '';
  // Section ids as main named them (summary:options); main validates them again.
  const sections = chosen as NonNullable<RememberedSections>;
  const locale = get().choice.locale ?? null;
  const result = await api.setSetting({ key: 'summary', value: { nameLine, sections, locale } });
  if (result.ok) set({ rememberedSections: result.value.summary.sections });
}

/** Chooses the summary's language and keeps it for the next summary (settings.summary). */
export async function rememberLocale(get: GetOneOnOne, set: SetOneOnOne, locale: string): Promise<void> {
  set((s) => ({ choice: { ...s.choice, locale } }));
  const { nameLine, rememberedSections } = get();
  await api.setSetting({
    key: 'summary',
    value: { nameLine: nameLine ?? '', sections: rememberedSections, locale },
  });
}
