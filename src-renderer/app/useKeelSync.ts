import { useEffect } from 'react';
import { api } from '../api/keel';
import type { StateTopic } from '../../src-main/shared/state';
import { useCheckin } from '../stores/checkin';
import { refreshData } from '../stores/data';
import { useFocus } from '../stores/focus';
import { useNavigation } from '../stores/navigation';
import { useOneOnOne } from '../stores/oneOnOne';
import { useSettings } from '../stores/settings';
import { useSignoff } from '../stores/signoff';
import { useStatus } from '../stores/status';
import { useToday } from '../stores/today';
import { useWeeklyUpdate } from '../stores/weeklyUpdate';
import { startStartupReads } from './startup';

/** What the Today card is made of: hours and a new day, the sign-off, blocks, check-ins, talking points. */
const TODAY_TOPICS: readonly StateTopic[] = [
  'status',
  'settings',
  'agenda',
  'signoff',
  'focus',
  'checkin',
  'talk',
];

/**
 * Loads what every view needs and follows main's pushes: `changed` re-reads the named topics,
 * `navigate` switches the view (e.g. from the tray menu).
 */
export function useKeelSync(): void {
  useEffect(() => {
    // Usually already under way: main.tsx starts them before the first render.
    startStartupReads();
    return api.onState((event) => {
      if (event.type === 'navigate') {
        useNavigation.getState().navigate(event.view);
        return;
      }
      const topics = new Set(event.topics);
      if (topics.has('settings')) void useSettings.getState().load();
      // Status is derived from settings and the agenda (today's hours, the next event).
      if (topics.has('status') || topics.has('settings') || topics.has('agenda'))
        void useStatus.getState().load();
      // The Today card follows the day (hours, a new day, the sign-off), blocks, check-ins and
      // talking points (the recap counts those waiting).
      if (TODAY_TOPICS.some((t) => topics.has(t))) void useToday.getState().load();
      // Focus status and stats follow blocks, and the plan and pauses in settings. Read only
      // once the Focus view has asked for them.
      const focus = useFocus.getState();
      if ((topics.has('focus') || topics.has('settings')) && focus.week !== null) void focus.load();
      // The sign-off status follows hours and holidays in settings, and the workday (a new day is
      // announced as 'status'). Creep is read again only once the Sign-off view has asked for it.
      const signoff = useSignoff.getState();
      if (topics.has('signoff') || topics.has('settings') || topics.has('status')) void signoff.load();
      const creepAsked = signoff.creep !== null || signoff.creepError !== null;
      if ((topics.has('signoff') || topics.has('settings')) && creepAsked) void signoff.loadCreep();
      // Check-ins follow their own topic and settings (cadence, tags, questionnaires, zone); the
      // form's next prompt also moves with the agenda and a new day. Only what was asked is read.
      const checks = useCheckin.getState();
      if (topics.has('checkin') || topics.has('settings')) checks.refresh();
      else if (topics.has('agenda') || topics.has('status')) checks.refreshForm();
      // The one-on-one: talking points, the share log, and the summary built from check-ins and
      // settings. Only what the One-on-one view has asked for is read again.
      useOneOnOne.getState().refresh(topics);
      // The weekly update follows its records (only once asked for), and the sign-off screen's offer.
      useWeeklyUpdate.getState().refresh(topics);
      // Backups, the recovery notice and the record counts.
      refreshData(topics);
    });
  }, []);
}
