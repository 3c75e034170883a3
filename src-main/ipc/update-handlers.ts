import type { Services } from '../services';
import type { FileDialogPort } from '../services/ports';
import type { Channel, ChannelOutput, ParsedInput } from './contract';

type UpdateChannel = Extract<Channel, `update:${string}`>;
type UpdateHandlers = {
  [C in UpdateChannel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** The weekly update's handlers: the window never names a path, and only the previewed text leaves. */
export function updateHandlers(services: Services, shell: FileDialogPort): UpdateHandlers {
  const update = services.weeklyUpdate;
  return {
    'update:draft': ({ from, to, locale }) =>
      update.draft(
        from !== undefined && to !== undefined ? { from, to, locale } : { ...update.currentWeek(), locale },
      ),
    'update:save': ({ from, to, edits, locale }) => update.save({ from, to, locale }, edits),
    'update:reset': ({ from, to, locale }) => update.reset({ from, to, locale }),
    'update:preview': ({ from, to, format, locale }) => update.preview({ from, to, locale }, format),
    'update:export': ({ from, to, format, contentHash, locale }) =>
      update.export({ from, to, locale }, format, contentHash, shell),
    'update:copy': ({ from, to, format, contentHash, locale }) =>
      update.copy({ from, to, locale }, format, contentHash, shell),
    'update:offer': () => update.offer(),
    'update:answerOffer': () => update.answerOffer(),
  };
}
