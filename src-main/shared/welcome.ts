/** What the window is told about the first run (services/welcome-service.ts). */

/** The settings the first run asks about. */
export type WelcomeTopic = 'workingHours' | 'focusPlan' | 'oneOnOne';

export interface WelcomeStatus {
  /**
   * 'first-run': a new data file, the three steps are shown; 'review': data from before the first
   * run existed, a gentle "Review your settings" on Today; 'none': done (or dismissed).
   */
  show: 'first-run' | 'review' | 'none';
  /** Of the asked-about settings, those still at Keel's defaults (never stored by the user). */
  stillDefault: WelcomeTopic[];
  /** Today's local date, and tomorrow's ("start tomorrow" for the focus plan). */
  today: string;
  tomorrow: string;
}
