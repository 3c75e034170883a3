import { randomUUID } from 'node:crypto';
import type { AgendaEvent, AgendaSource } from '../core/agenda';
import {
  DEFAULT_TAGS,
  ENERGY_LABELS,
  makeCheckin,
  NOTE_MAX_LENGTH,
  RATINGS,
  STRETCHED_QUESTION,
  SUSTAINABLE,
  SUSTAINABLE_LABELS,
  SUSTAINABLE_QUESTION,
  tagLabel,
  WORKLOAD_LABELS,
  type Checkin,
  type CheckinInput,
} from '../core/checkin';
import { describeCadence, type Cadence } from '../core/checkin-cadence';
import { cadenceOf, checkPromptsBetween } from '../core/checkin-prompts';
import {
  questionnaireSeries,
  tagFrequencies,
  trendRange,
  trendSummary,
  weeklyTrends,
  type TrendRange,
} from '../core/checkin-trends';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import {
  BURNOUT_INTERPRETATION,
  BURNOUT_OPTIONS,
  BURNOUT_QUESTION,
  BURNOUT_SYMPTOMS_FROM,
  makeQuestionnaireResult,
  QUESTIONNAIRE_DISCLAIMER,
  QUESTIONNAIRES,
  questionnaireDue,
  who5Note,
  WHO5_INTERPRETATION,
  WHO5_ITEMS,
  WHO5_OPTIONS,
  WHO5_STEM,
  type QuestionnaireKind,
} from '../core/questionnaires';
import type { Settings } from '../core/settings';
import { clockTimeOf, localDateOf, toLocalIso, weekdayOf, type LocalDate } from '../core/time';
import { holidayOn } from '../core/working-hours';
import type { CheckinRepo } from '../storage/checkin-repo';
import type {
  CheckForm,
  CheckinDto,
  CheckTrends,
  QuestionnaireDto,
  QuestionnaireOutcome,
} from '../shared/dto';
import { Emitter } from './events';
import type { SettingsService } from './settings-service';

/** "Snooze" on a check-in prompt asks again this much later. */
export const CHECK_SNOOZE_MS = 60 * 60 * 1000;

/** Workload self-checks: the quick check, questionnaires, prompts on the agenda and trends. */
export class CheckinService {
  readonly onDidChange = new Emitter<void>();

  constructor(
    private readonly repo: CheckinRepo,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** The cadence in force: the user's, or weekly on the working day before the one-on-one. */
  cadence(settings: Settings = this.settings.get()): Cadence {
    return cadenceOf(settings);
  }

  /**
   * Planned prompts as agenda events (kind "check"): a skipped one is dropped, a snoozed one
   * moves to the snooze's end, and a day that already has a check needs no prompt.
   */
  readonly agendaSource: AgendaSource = {
    name: 'check',
    eventsBetween: (from, to, rules) => {
      // Look back far enough that a prompt snoozed into [from, to) is found.
      const planned = checkPromptsBetween(from - CHECK_SNOOZE_MS * 24, to, rules);
      const events: AgendaEvent[] = [];
      for (const event of planned) {
        const answer = this.repo.promptAnswer(event.id);
        if (answer?.action === 'skip') continue;
        const start = answer?.action === 'snooze' && answer.until !== null ? answer.until : event.start;
        if (start < from || start >= to) continue;
        if (this.repo.countOn(localDateOf(event.start, rules.current.zone)) > 0) continue;
        events.push({ ...event, start });
      }
      return events;
    },
  };

  /** "In an hour" or "Skip" on a prompt (by its agenda id). */
  answerPrompt(promptId: string, action: 'snooze' | 'skip'): void {
    const now = this.clock.now();
    this.repo.answerPrompt(promptId, action, action === 'snooze' ? now + CHECK_SNOOZE_MS : null, now);
    this.onDidChange.emit();
  }

  /** Saves a quick check taken now (or at `at`, from the CLI). */
  add(input: CheckinInput, at?: number): CheckinDto {
    const now = this.clock.now();
    const instant = at ?? now;
    if (instant > now + 60_000) throw new KeelError('invalid_input', 'A check-in cannot be in the future.');
    const check = makeCheckin(input, { id: randomUUID(), at: instant, zone: this.settings.get().zone });
    this.repo.add(check);
    this.onDidChange.emit();
    return toDto(check, false);
  }

  /** Changes a check's answers; its time stays. */
  update(id: string, input: CheckinInput): CheckinDto {
    const existing = this.repo.get(id);
    if (!existing) throw new KeelError('not_found', 'That check-in no longer exists.');
    const check = makeCheckin(input, { id, at: existing.at, zone: existing.zone });
    if (!this.repo.update(check, this.clock.now())) {
      throw new KeelError('not_found', 'That check-in no longer exists.');
    }
    this.onDidChange.emit();
    return toDto(check, true);
  }

  /** Deletes by id, or by a unique start of one (the CLI shows 8 characters). */
  delete(idOrPrefix: string): { deleted: string } {
    const id = this.repo.get(idOrPrefix) ? idOrPrefix : this.repo.findByPrefix(idOrPrefix);
    if (id === 'ambiguous') {
      throw new KeelError(
        'invalid_input',
        `More than one check-in starts with "${idOrPrefix}"; give more of the id.`,
      );
    }
    if (id === undefined || !this.repo.delete(id)) {
      throw new KeelError('not_found', `No check-in has the id "${idOrPrefix}".`);
    }
    this.onDidChange.emit();
    return { deleted: id };
  }

  list(from: LocalDate, to: LocalDate): CheckinDto[] {
    return this.repo.between(from, to).map((c) => toDto(c, c.updatedAt !== null));
  }

  /** Raw check-ins in a range, for summaries and benchmarks. */
  checksBetween(from: LocalDate, to: LocalDate): Checkin[] {
    return this.repo.between(from, to);
  }

  trends(range: TrendRange): CheckTrends {
    const settings = this.settings.get();
    const today = localDateOf(this.clock.now(), settings.zone);
    const { from, to } = trendRange(range, today);
    const checks = this.repo.between(from, to);
    const summary = trendSummary(checks, from, to);
    const series = (kind: QuestionnaireKind) =>
      questionnaireSeries(this.repo.results(kind, from, to), kind).map((p) => ({
        date: p.localDate,
        score: p.score,
      }));
    return {
      range,
      from,
      // The weeks run to Sunday, but the range is named up to today: never a day still to come.
      to: to < today ? to : today,
      count: summary.count,
      weeks: weeklyTrends(checks, from, to),
      tags: tagFrequencies(checks),
      workloadDirection: summary.workloadDirection,
      energyDirection: summary.energyDirection,
      burnout: series('burnout'),
      who5: series('who5'),
    };
  }

  /** The next planned prompt after now, within two weeks. */
  nextPrompt(): number | null {
    return this.nextPromptEvent()?.start ?? null;
  }

  private nextPromptEvent(): AgendaEvent | undefined {
    const now = this.clock.now();
    const events = this.agendaSource.eventsBetween(now + 1, now + 15 * 86_400_000, this.settings.view());
    return events.reduce<AgendaEvent | undefined>(
      (min, e) => (min === undefined || e.start < min.start ? e : min),
      undefined,
    );
  }

  /**
   * Why a weekly prompt comes on another day than its own: the day it was due is a holiday or a
   * day off (core/checkin-prompts.ts moves it to the working day before). Null when it is not moved.
   */
  private movedBecause(event: AgendaEvent | undefined): CheckForm['nextPromptMoved'] {
    const due = event?.movedFrom;
    if (due === undefined) return null;
    const holiday = holidayOn(due, this.settings.on(due));
    return { due, weekday: weekdayOf(due), holiday: Boolean(holiday), note: holiday?.note || null };
  }

  form(): CheckForm {
    const settings = this.settings.get();
    const next = this.nextPromptEvent();
    const nextPrompt = next?.start ?? null;
    const cadence = this.cadence(settings);
    const custom = settings.checkins.customTags.filter((t) => !DEFAULT_TAGS.some((d) => d.id === t));
    return {
      workload: RATINGS.map((value) => ({ value, label: WORKLOAD_LABELS[value] })),
      energy: RATINGS.map((value) => ({ value, label: ENERGY_LABELS[value] })),
      sustainableQuestion: SUSTAINABLE_QUESTION,
      sustainable: SUSTAINABLE.map((value) => ({ value, label: SUSTAINABLE_LABELS[value] })),
      stretchedQuestion: STRETCHED_QUESTION,
      tags: [
        ...DEFAULT_TAGS.map((t) => ({ ...t, custom: false })),
        ...custom.map((id) => ({ id, label: tagLabel(id), custom: true })),
      ],
      noteMax: NOTE_MAX_LENGTH,
      cadence: {
        mode: cadence.mode,
        text: describeCadence(cadence),
        isDefault: settings.checkins.cadence === null,
      },
      nextPrompt: nextPrompt === null ? null : toLocalIso(nextPrompt, settings.zone),
      nextPromptMoved: this.movedBecause(next),
      checkedToday: this.repo.countOn(localDateOf(this.clock.now(), settings.zone)),
      questionnaires: (['burnout', 'who5'] as const).map((kind) => this.questionnaire(kind, settings)),
    };
  }

  /** Which questionnaires are on and due now. */
  dueQuestionnaires(): QuestionnaireKind[] {
    const settings = this.settings.get();
    return (['burnout', 'who5'] as const).filter((kind) => this.questionnaire(kind, settings).due);
  }

  /** Scores and stores a questionnaire; WHO-5 may add a calm note. Nothing else happens. */
  answerQuestionnaire(kind: QuestionnaireKind, answers: number[]): QuestionnaireOutcome {
    const settings = this.settings.get();
    if (!settings.checkins[kind]) {
      throw new KeelError('invalid_input', `Turn on the ${QUESTIONNAIRES[kind].title} in Settings first.`);
    }
    const previous = this.repo.latestResults(kind)[0] ?? null;
    const result = makeQuestionnaireResult(kind, answers, {
      id: randomUUID(),
      at: this.clock.now(),
      zone: settings.zone,
    });
    this.repo.addResult(result);
    this.onDidChange.emit();
    const note = kind === 'who5' ? who5Note(result.score, previous?.score ?? null) : null;
    return {
      kind,
      date: result.localDate,
      score: result.score,
      interpretation:
        kind === 'who5'
          ? result.score <= 50
            ? WHO5_INTERPRETATION.low
            : WHO5_INTERPRETATION.notLow
          : result.score >= BURNOUT_SYMPTOMS_FROM
            ? BURNOUT_INTERPRETATION.symptoms
            : BURNOUT_INTERPRETATION.none,
      note: note ? { ...note, resources: note.resources.map((r) => ({ ...r })) } : null,
      disclaimer: QUESTIONNAIRE_DISCLAIMER,
    };
  }

  private questionnaire(kind: QuestionnaireKind, settings: Settings): QuestionnaireDto {
    const info = QUESTIONNAIRES[kind];
    const last = this.repo.latestResults(kind)[0];
    const enabled = settings.checkins[kind];
    return {
      kind,
      title: info.title,
      enabled,
      due: questionnaireDue(kind, last?.at ?? null, this.clock.now(), settings.zone, enabled),
      source: info.source,
      disclaimer: QUESTIONNAIRE_DISCLAIMER,
      stem: kind === 'who5' ? WHO5_STEM : BURNOUT_QUESTION,
      items: kind === 'who5' ? [...WHO5_ITEMS] : [BURNOUT_QUESTION],
      options:
        kind === 'who5'
          ? WHO5_OPTIONS.map((o) => ({ value: o.value, label: o.label }))
          : BURNOUT_OPTIONS.map((o) => ({ value: o.value, label: o.text })),
      last: last ? { date: last.localDate, score: last.score } : null,
    };
  }
}

function toDto(c: Checkin, edited: boolean): CheckinDto {
  return {
    id: c.id,
    at: toLocalIso(c.at, c.zone),
    date: c.localDate,
    time: clockTimeOf(c.at, c.zone),
    workload: c.workload,
    workloadLabel: WORKLOAD_LABELS[c.workload],
    energy: c.energy,
    energyLabel: ENERGY_LABELS[c.energy],
    sustainable: c.sustainable,
    stretched: c.stretched.map((id) => ({ id, label: tagLabel(id) })),
    note: c.note,
    shareable: c.shareable,
    edited,
  };
}
