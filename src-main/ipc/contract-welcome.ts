/** The first run's channels, spread into the IPC contract (contract.ts). */
import type { WelcomeStatus } from '../shared/welcome';
import { channel, noInput } from './contract-kit';

export const welcomeChannels = {
  /** Whether the first run (or, on older data, "Review your settings") is shown; defaults left. */
  'welcome:status': channel<WelcomeStatus>()(noInput),
  /** The first run finished or skipped, or the review dismissed. Its settings go by settings:set. */
  'welcome:finish': channel<WelcomeStatus>()(noInput),
} as const;
