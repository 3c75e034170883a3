import type { Prompts } from './prompts';
import type { StatePublisher } from './state-publisher';

/** Takes the outcome of a do-not-disturb change: null, or one sentence on what went wrong. */
export type DndOutcome = (result: Promise<string | null>) => void;

/**
 * Do-not-disturb runs in the background (DndService serialises the calls); a problem is said
 * once, in a notification, and the window's do-not-disturb status is re-read either way.
 */
export function reportDndOutcome(
  prompts: Pick<Prompts, 'notice' | 'speech'>,
  publisher: Pick<StatePublisher, 'publish'>,
): DndOutcome {
  return (result) => {
    void result.then((problem) => {
      if (problem) prompts.notice('dnd', prompts.speech().t('notify.notice.dndTitle'), problem);
      publisher.publish('dnd');
    });
  };
}
