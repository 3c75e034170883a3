/** The Today card's channel, spread into the IPC contract (contract.ts). */
import type { TodayCard } from '../shared/today-dto';
import { channel, noInput } from './contract-kit';

export const todayChannels = {
  /** Which state today is in (before, during or after hours, or quiet), its figures, and the recap. */
  'today:card': channel<TodayCard>()(noInput),
} as const;
