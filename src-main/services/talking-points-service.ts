import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import { cleanLine } from '../core/text-hygiene';
import type { SummaryTalkingPoint } from '../core/summary-sections';
import { toLocalIso } from '../core/time';
import type { TalkingPointDto } from '../shared/dto';
import type { TalkingPointRepo } from '../storage/talking-point-repo';
import { Emitter } from './events';
import type { SettingsService } from './settings-service';

const MAX_POINT = 500;

/** On one line, without control or bidi characters (core/text-hygiene.ts), spaces collapsed. */
function cleanPoint(text: string): string {
  const clean = cleanLine(text).replace(/\s+/g, ' ').trim();
  if (clean.length === 0) throw new KeelError('invalid_input', 'Write the talking point.');
  if (clean.length > MAX_POINT) {
    throw new KeelError('invalid_input', `Keep a talking point under ${MAX_POINT} characters.`);
  }
  return clean;
}

/** Talking points for the next one-on-one: added any time, carried over until discussed. */
export class TalkingPointsService {
  readonly onDidChange = new Emitter<void>();

  constructor(
    private readonly repo: TalkingPointRepo,
    private readonly deps: { settings: Pick<SettingsService, 'get'>; clock: Clock },
  ) {}

  add(text: string): TalkingPointDto {
    const clean = cleanPoint(text);
    const point = { id: randomUUID(), text: clean, createdAt: this.deps.clock.now() };
    this.repo.addPoint(point);
    this.onDidChange.emit();
    return this.pointDto({ ...point, discussedAt: null });
  }

  list(includeDiscussed = false): TalkingPointDto[] {
    return this.repo.points(includeDiscussed).map((p) => this.pointDto(p));
  }

  setDiscussed(idOrPrefix: string, discussed: boolean): TalkingPointDto {
    const id = this.resolvePoint(idOrPrefix);
    this.repo.setDiscussed(id, discussed ? this.deps.clock.now() : null);
    this.onDidChange.emit();
    const point = this.repo.point(id);
    if (!point) throw new KeelError('not_found', 'That talking point no longer exists.');
    return this.pointDto(point);
  }

  /** Rewrites a point's words; it keeps its place and whether it was discussed. */
  edit(idOrPrefix: string, text: string): TalkingPointDto {
    const clean = cleanPoint(text);
    const id = this.resolvePoint(idOrPrefix);
    this.repo.setText(id, clean);
    this.onDidChange.emit();
    const point = this.repo.point(id);
    if (!point) throw new KeelError('not_found', 'That talking point no longer exists.');
    return this.pointDto(point);
  }

  /**
   * Moves an open point one place up or down the agenda (the summary lists them in this order).
   * Answers every point, in the new order.
   */
  move(idOrPrefix: string, direction: 'up' | 'down'): TalkingPointDto[] {
    const id = this.resolveOpenPoint(idOrPrefix);
    if (this.repo.move(id, direction === 'up' ? -1 : 1)) this.onDidChange.emit();
    return this.list(true);
  }

  /**
   * Puts an open point at `place` on the agenda (1 for the top), the others keeping their order;
   * `keel talk move --to`. Answers every point, in the new order.
   */
  moveTo(idOrPrefix: string, place: number): TalkingPointDto[] {
    const id = this.resolveOpenPoint(idOrPrefix);
    const count = this.repo.openCount();
    if (!Number.isInteger(place) || place < 1 || place > count) {
      throw new KeelError(
        'invalid_input',
        count === 1
          ? 'There is one open talking point, so its place is 1.'
          : `There are ${count} open talking points: give a place from 1 to ${count}.`,
      );
    }
    if (this.repo.place(id, place - 1)) this.onDidChange.emit();
    return this.list(true);
  }

  delete(idOrPrefix: string): { deleted: string } {
    const id = this.resolvePoint(idOrPrefix);
    this.repo.deletePoint(id);
    this.onDidChange.emit();
    return { deleted: id };
  }

  /** The undiscussed points in the agenda's order, as the summary takes them. */
  open(): SummaryTalkingPoint[] {
    return this.repo.points(false);
  }

  /** The id of an undiscussed point (only those have a place on the agenda). */
  private resolveOpenPoint(idOrPrefix: string): string {
    const id = this.resolvePoint(idOrPrefix);
    if (this.repo.point(id)?.discussedAt !== null) {
      throw new KeelError('invalid_input', 'Only a talking point not yet discussed can be moved.');
    }
    return id;
  }

  private resolvePoint(idOrPrefix: string): string {
    const id = this.repo.point(idOrPrefix) ? idOrPrefix : this.repo.findPoint(idOrPrefix);
    if (id === 'ambiguous') {
      throw new KeelError('invalid_input', `More than one talking point starts with "${idOrPrefix}".`);
    }
    if (id === undefined) throw new KeelError('not_found', `No talking point has the id "${idOrPrefix}".`);
    return id;
  }

  private pointDto(p: {
    id: string;
    text: string;
    createdAt: number;
    discussedAt: number | null;
  }): TalkingPointDto {
    const zone = this.deps.settings.get().zone;
    return {
      id: p.id,
      text: p.text,
      createdAt: toLocalIso(p.createdAt, zone),
      discussedAt: p.discussedAt === null ? null : toLocalIso(p.discussedAt, zone),
    };
  }
}
