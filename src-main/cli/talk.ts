import type { Command } from 'commander';
import type { TalkingPointDto } from '../shared/dto';
import type { CliIo } from './io';
import { CliFailure, parseWholeNumber, print, shortId } from './output';
import { withSession } from './session';
import { cliSpeech } from './speech';

/** `keel talk add|list|done|edit|move`: talking points for the next one-on-one. */
export function registerTalkCommands(program: Command, io: CliIo): void {
  const talk = program.command('talk').description('talking points for the next one-on-one');
  talk
    .command('add')
    .description('add a talking point (it goes to the end of the agenda)')
    .argument('<text...>', 'the point')
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const point = await session.call('talk:add', { text: words.join(' ') });
        print(io, point, opts.json, () => t('cli.talk.added', { id: shortId(point.id), text: point.text }));
      }),
    );
  talk
    .command('list')
    .description('open talking points in the agenda’s order (undiscussed ones carry over)')
    .option('--all', 'include discussed points')
    .option('--json', 'print JSON')
    .action(async (opts: { all?: boolean; json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const points = await session.call('talk:list', { includeDiscussed: Boolean(opts.all) });
        print(io, points, opts.json, () =>
          points.length === 0
            ? t('cli.talk.none')
            : points.map((p) => `${shortId(p.id)}  ${p.discussedAt ? '✓ ' : ''}${p.text}`).join('\n'),
        );
      }),
    );
  talk
    .command('done')
    .description('mark a talking point discussed')
    .argument('<id>', 'the id keel talk list shows')
    .action(async (id: string, _opts: unknown, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const point = await session.call('talk:discussed', { id, discussed: true });
        io.stdout(`${t('cli.talk.discussed', { text: point.text })}\n`);
      }),
    );
  addEdit(talk, io);
  addMove(talk, io);
}

function addEdit(talk: Command, io: CliIo): void {
  talk
    .command('edit')
    .description('rewrite a talking point; it keeps its place on the agenda')
    .argument('<id>', 'the id keel talk list shows')
    .argument('<text...>', 'the new words')
    .option('--json', 'print JSON')
    .action(async (id: string, words: string[], opts: { json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const point = await session.call('talk:edit', { id, text: words.join(' ') });
        print(io, point, opts.json, () => t('cli.talk.edited', { id: shortId(point.id), text: point.text }));
      }),
    );
}

interface MoveOptions {
  up?: boolean;
  down?: boolean;
  to?: string;
  json?: boolean;
}

/** The open points, in the agenda's order. */
const openPoints = (points: TalkingPointDto[]) => points.filter((p) => p.discussedAt === null);

/** Where the point `id` (or the one its start names) stands on the agenda: 1 for the top, 0 if not there. */
function placeOf(points: TalkingPointDto[], id: string): number {
  return openPoints(points).findIndex((p) => p.id.startsWith(id.toLowerCase())) + 1;
}

function addMove(talk: Command, io: CliIo): void {
  talk
    .command('move')
    .description('move an open talking point on the agenda: one place up or down, or to a place')
    .argument('<id>', 'the id keel talk list shows')
    .option('--up', 'one place up')
    .option('--down', 'one place down')
    .option('--to <n>', 'to this place, 1 for the top')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: MoveOptions, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const asked = [opts.up, opts.down, opts.to !== undefined].filter(Boolean).length;
        if (asked !== 1) throw new CliFailure(t('cli.talk.moveHow'));
        const to = opts.to === undefined ? undefined : parseWholeNumber(opts.to, '--to', t);
        // The place before, to say whether the move changed anything (a point at an end stays).
        const before = placeOf(await session.call('talk:list', {}), id);
        const moved =
          to === undefined
            ? await session.call('talk:move', { id, direction: opts.up ? 'up' : 'down' })
            : await session.callCli('talk:moveTo', { id, to });
        print(io, moved, opts.json, () => {
          const open = openPoints(moved);
          const place = placeOf(moved, id);
          const point = open[place - 1];
          if (!point) return t('cli.talk.moved');
          const values = { id: shortId(point.id), place, count: open.length, text: point.text };
          return place === before ? t('cli.talk.stays', values) : t('cli.talk.movedTo', values);
        });
      }),
    );
}
