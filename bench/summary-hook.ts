/**
 * The one place the benchmarks build the one-on-one summary (#6), for figure 2 (two weeks and one
 * year) and figure 6 (memory after a one-year summary). If the summary's entry point changes,
 * this is the one function to adapt.
 *
 * It builds what the window's preview asks for — `summary:preview` through `dispatch`: the
 * contract's validation, SummaryService gathering the period's data from the repositories,
 * buildSummary, the HTML rendering and its hash — with every section on and every shareable note
 * of the period ticked (up to the limit), the heaviest summary a user can ask for.
 */
import { SUMMARY_MAX_NOTES } from '../src-main/core/summary-choices';
import { SUMMARY_SECTIONS } from '../src-main/core/summary-sections';
import type { LocalDate } from '../src-main/core/time';
import { dispatch } from '../src-main/ipc/dispatch';
import { createHandlers } from '../src-main/ipc/handlers';
import type { Services } from '../src-main/services';

export type SummaryBuild = () => Promise<unknown>;

export const SUMMARY_PATH =
  "dispatch('summary:preview', html) → contract → SummaryService (repos) → buildSummary → renderHtml + sha256";

/** Every section, and every shareable note of the period ticked (up to the limit). */
function heaviestChoices(services: Services, from: LocalDate, to: LocalDate) {
  const noteIds = services.summary
    .options({ from, to })
    .notes.filter((n) => n.shareable)
    .slice(0, SUMMARY_MAX_NOTES)
    .map((n) => n.id);
  return { from, to, sections: [...SUMMARY_SECTIONS], noteIds };
}

/** A builder for the summary of [from, to] (the choices are made once, outside any timing). */
export function summaryBuilder(services: Services, from: LocalDate, to: LocalDate): SummaryBuild {
  const handlers = createHandlers(services);
  const input = { choices: heaviestChoices(services, from, to), format: 'html' };
  return async () => {
    const result = await dispatch(handlers, 'summary:preview', input);
    if (!result.ok) throw new Error(`summary:preview failed: ${result.error.message}`);
    return result.value;
  };
}

/** The model alone (data gathered and built, not rendered), for context beside the figure. */
export function summaryModel(services: Services, from: LocalDate, to: LocalDate): () => unknown {
  const choices = heaviestChoices(services, from, to);
  return () => services.summary.build(choices);
}
