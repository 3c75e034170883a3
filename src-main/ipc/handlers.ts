import { startOfLocalDate, addLocalDays } from '../core/time';
import type { Services } from '../services';
import { toEventDto } from '../services/status-service';
import type { Channel, ChannelOutput, ParsedInput } from './contract';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** The handler table: one function per channel, each calling services with validated input. */
export function createHandlers(services: Services): Handlers {
  return {
    'app:status': () => services.status.status(),
    'settings:get': () => services.settings.get(),
    'settings:set': ({ key, value }) => services.settings.set(key, value),
    'agenda:list': ({ from, to }) => {
      const zone = services.settings.get().zone;
      const start = startOfLocalDate(from, zone);
      const end = startOfLocalDate(addLocalDays(to, 1), zone);
      return services.agenda.between(start, end).map((e) => toEventDto(e, zone));
    },
    'focus:status': () => services.focus.status(),
    'focus:start': (request) => {
      services.focus.startAdhoc(request);
      return services.focus.status();
    },
    'focus:stop': () => {
      services.focus.stop();
      return services.focus.status();
    },
    'focus:interrupt': ({ kind, note }) => {
      services.focus.interrupt(kind, note);
      return services.focus.status();
    },
    'focus:leaveOff': ({ text }) => {
      services.focus.leaveOff(text);
      return services.focus.status();
    },
    'focus:skip': ({ occurrenceId }) => {
      services.focus.skip(occurrenceId);
      return services.focus.status();
    },
    'focus:stats': ({ from, to }) => services.focus.stats(from, to),
  };
}
