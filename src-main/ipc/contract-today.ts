/** The Today card's channel, spread into the IPC contract (contract.ts). */
import type { TodayCard } from '../shared/today-dto';
import { z } from 'zod';
import { exportLocaleSchema } from '../core/export-language';
import { channel } from './contract-kit';

export const todayChannels = {
  /** Which state today is in (before, during or after hours, or quiet), its figures, and the recap. */
  /** `locale`: the window's language, which the recap is written in (en-US when not given). */
  'today:card': channel<TodayCard>()(z.object({ locale: exportLocaleSchema.optional() }).strict()),
} as const;
