/** The summary's sections, in the order they appear (core/summary-sections.ts builds them). */
export const SUMMARY_SECTIONS = [
  'trends',
  'sustainability',
  'stretched',
  'focus',
  'endOfDay',
  'talkingPoints',
  'notes',
] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];
