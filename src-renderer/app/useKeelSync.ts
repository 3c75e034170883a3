import { useEffect } from 'react';
import { api } from '../api/keel';
import { useFocus } from '../stores/focus';
import { useNavigation } from '../stores/navigation';
import { useSettings } from '../stores/settings';
import { useStatus } from '../stores/status';

/**
 * Loads what every view needs and follows main's pushes: `changed` re-reads the named topics,
 * `navigate` switches the view (e.g. from the tray menu).
 */
export function useKeelSync(): void {
  useEffect(() => {
    void useSettings.getState().load();
    void useStatus.getState().load();
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
      // Focus status and stats follow blocks, and the plan and pauses in settings. Read only
      // once the Focus view has asked for them.
      const focus = useFocus.getState();
      if ((topics.has('focus') || topics.has('settings')) && focus.week !== null) void focus.load();
    });
  }, []);
}
