import type { ViewName } from '../../../src-main/shared/views';
import { useAgreement } from '../../stores/agreement';
import { useFocus } from '../../stores/focus';
import { useNavigation } from '../../stores/navigation';
import { useOneOnOne } from '../../stores/oneOnOne';
import type { FocusTarget } from '../../components/focusRequest';
import type { PaletteAction } from './commands';
import { formatTime } from '../../lib/time';
import { windowMessage } from '../../i18n/window-locale';

/** What the palette does around a command: all of it the palette's own, none of it data. */
export interface PaletteUi {
  /** Closes the palette; `restore`: focus goes back to where it was before it opened. */
  close(restore: boolean): void;
  /** Says what happened, once the palette is closed (a polite status message). */
  announce(message: string): void;
  /** Opens "What interrupted you?", the Focus view's own dialog. */
  openInterrupt(): void;
}

/** Opens a view on the part to fill in (its heading has focus until that part is drawn). */
function open(ui: PaletteUi, view: ViewName, target: FocusTarget) {
  ui.close(false);
  useNavigation.getState().navigate(view, { target });
}

/**
 * Carries out a command through the same stores (and so the same IPC calls) as the views.
 * Resolves to an error sentence when it failed (the palette stays open to show it), else null.
 */
export async function runPaletteAction(action: PaletteAction, ui: PaletteUi): Promise<string | null> {
  switch (action.type) {
    case 'start': {
      const outcome = await useFocus.getState().start(action.request);
      if (!outcome.ok) return outcome.message;
      const until = useFocus.getState().status?.running?.endTime;
      ui.close(true);
      ui.announce(
        until
          ? windowMessage('app.palette.told.started-until', { time: formatTime(until) })
          : windowMessage('app.palette.told.started'),
      );
      return null;
    }
    case 'stop': {
      const outcome = await useFocus.getState().stop();
      if (!outcome.ok) return outcome.message;
      ui.close(true);
      ui.announce(windowMessage('app.palette.told.ended'));
      return null;
    }
    case 'interrupt':
      ui.close(true);
      ui.openInterrupt();
      return null;
    case 'talk': {
      if (action.text === null) {
        open(ui, 'one-on-one', 'new-talking-point');
        return null;
      }
      const outcome = await useOneOnOne.getState().addPoint(action.text);
      if (!outcome.ok) return outcome.message;
      ui.close(true);
      ui.announce(windowMessage('app.palette.told.talk-added', { text: action.text }));
      return null;
    }
    case 'quick-check':
      open(ui, 'checkin', 'quick-check');
      return null;
    case 'signoff':
      open(ui, 'signoff', 'signoff-form');
      return null;
    case 'weekly-update':
      open(ui, 'one-on-one', 'weekly-update');
      return null;
    case 'agreement':
      open(ui, 'one-on-one', 'agreement-form');
      return null;
    case 'copy-status': {
      await useAgreement.getState().loadStatus();
      const outcome = await useAgreement.getState().copyStatus();
      if (outcome.tone === 'error') return outcome.message;
      ui.close(true);
      ui.announce(outcome.message);
      return null;
    }
    case 'go':
      ui.close(false);
      useNavigation.getState().navigate(action.view);
      return null;
    case 'setting':
      open(ui, 'settings', `section:${action.title}`);
      return null;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
