import type { ChannelInput, ChannelOutput } from '../../src-main/ipc/contract';

/**
 * The renderer's names for the shapes that cross IPC, derived from the contract so they cannot
 * drift. (The renderer may import only the contract, and only its types.)
 */
export type Status = ChannelOutput<'app:status'>;
/** The Today card: the day's state (before, during, after hours, quiet), its figures, the recap. */
export type TodayCard = ChannelOutput<'today:card'>;
export type WeekRecap = NonNullable<TodayCard['recap']>;
export type Settings = ChannelOutput<'settings:get'>;
export type SettingKey = keyof Settings;
/** `{ key, value, from? }` for one setting, exactly what `keel.settings.set` accepts. */
export type SettingUpdate = ChannelInput<'settings:set'>;
/** One change of a dated rule (working hours, holidays…) and whether it is past, in force or upcoming. */
export type RuleChange = ChannelOutput<'settings:changes'>[number];
/** A setting that takes effect on a date. */
export type DatedKey = RuleChange['key'];
export type AgendaEvent = ChannelOutput<'agenda:list'>[number];
export type Weekday = Status['today']['weekday'];
export type WorkingHours = Settings['workingHours'];
export type TimeRange = NonNullable<WorkingHours[Weekday]>;
export type FocusRule = Settings['focusPlan'][number];
export type Theme = Settings['theme'];
export type LanguageChoice = Settings['language'];
export type FocusPause = Settings['focusPauses'][number];
export type DndSettings = Settings['dnd'];
export type FocusStatus = ChannelOutput<'focus:status'>;
export type FocusBlock = FocusStatus['today'][number];
export type RunningBlock = NonNullable<FocusStatus['running']>;
export type FocusStats = ChannelOutput<'focus:stats'>;
export type FocusDayStats = FocusStats['days'][number];
export type FocusStartRequest = ChannelInput<'focus:start'>;
export type InterruptionKind = ChannelInput<'focus:interrupt'>['kind'];
/** The imported calendar file (its name only), as `keel.calendar.*` answers. */
export type CalendarStatus = ChannelOutput<'calendar:status'>;
/** What Keel can do about do-not-disturb on this desktop, and whether it is on now. */
export type DndStatus = ChannelOutput<'dnd:status'>;
/** `keel.focus.exportIcs`: saved or cancelled, and the file's name (not its folder). */
export type ExportResult = ChannelOutput<'focus:exportIcs'>;
/** The end-of-day sign-off: today's workday, presence, the ritual's record and yesterday's carry-over. */
export type SignoffStatus = ChannelOutput<'signoff:status'>;
export type SignoffRecord = NonNullable<SignoffStatus['signedOff']>;
export type SignoffSubmit = ChannelInput<'signoff:submit'>;
/** The window's answer to a shown suggestion ("15 more minutes" or "Not today"). */
export type SignoffResponse = ChannelInput<'signoff:respond'>['action'];
export type SignoffSuggestion = NonNullable<SignoffStatus['suggested']>;
export type CarriedOver = NonNullable<SignoffStatus['carriedOver']>;
export type UnfinishedItem = SignoffRecord['unfinished'][number];
/** Late evenings, days off worked and missed sign-offs, with weekly last-active medians. */
export type CreepStats = ChannelOutput<'signoff:creep'>;
export type CreepDay = CreepStats['days'][number];
export type CreepWeek = CreepStats['weeks'][number];
export type Holiday = Settings['holidays'][number];
export type SignoffSettings = Settings['signoff'];
/** Everything the quick check needs: labels, tags, the cadence in force and the questionnaires. */
export type CheckForm = ChannelOutput<'checkin:form'>;
export type CheckFormTag = CheckForm['tags'][number];
export type CheckCadenceInfo = CheckForm['cadence'];
/** One recorded check-in, as main shows it (labels and the local date and time included). */
export type Checkin = ChannelOutput<'checkin:add'>;
/** The quick check's answers, exactly what `keel.checkin.add` accepts. */
export type CheckinInput = ChannelInput<'checkin:add'>;
/** `{ id, ...answers }` for `keel.checkin.update`. */
export type CheckinUpdate = ChannelInput<'checkin:update'>;
export type Sustainable = Checkin['sustainable'];
export type CheckTrends = ChannelOutput<'checkin:trends'>;
export type TrendRange = ChannelInput<'checkin:trends'>['range'];
export type TrendWeek = CheckTrends['weeks'][number];
export type TagFrequency = CheckTrends['tags'][number];
export type TrendDirection = CheckTrends['workloadDirection'];
export type ScorePoint = CheckTrends['who5'][number];
export type Questionnaire = CheckForm['questionnaires'][number];
export type QuestionnaireKind = ChannelInput<'checkin:questionnaire'>['kind'];
/** A questionnaire's score, its reading and (WHO-5, low or dropping) a calm note with resources. */
export type QuestionnaireOutcome = ChannelOutput<'checkin:questionnaire'>;
export type QuestionnaireNote = NonNullable<QuestionnaireOutcome['note']>;
/** The usual one-on-one; the default check-in day is the working day before it. */
export type OneOnOne = NonNullable<Settings['oneOnOne']>;
export type CheckinSettings = Settings['checkins'];
/** A chosen cadence; `null` in settings means the default (weekly, before the one-on-one). */
export type Cadence = NonNullable<CheckinSettings['cadence']>;
export type CadenceMode = Cadence['mode'];
/** A talking point for the next one-on-one; `discussedAt` is null while it is open. */
export type TalkingPoint = ChannelOutput<'talk:add'>;
/** What the summary builder offers: sections, the preset periods, the last share and the period's notes. */
export type SummaryOptions = ChannelOutput<'summary:options'>;
export type SummarySectionOption = SummaryOptions['sections'][number];
export type SummaryNote = SummaryOptions['notes'][number];
export type SummaryPeriod = SummaryOptions['periods']['twoWeeks'];
/** The user's choices (period, sections, ticked notes), exactly what preview, export and copy take. */
export type SummaryChoices = ChannelInput<'summary:preview'>['choices'];
export type SummaryPreviewFormat = ChannelInput<'summary:preview'>['format'];
export type SummaryExportFormat = ChannelInput<'summary:export'>['format'];
export type SummaryCopyFormat = NonNullable<ChannelInput<'summary:copy'>['format']>;
/** Exactly the text an export in that format writes, its hash and the model it was rendered from. */
export type SummaryPreview = ChannelOutput<'summary:preview'>;
/** One entry of the share log: what left Keel, when, and how. */
export type Share = ChannelOutput<'summary:shares'>[number];
/** The working agreement's own parts (teammates' zones, response norms, a note), a setting. */
export type Agreement = Settings['agreement'];
export type TeamZone = Agreement['teamZones'][number];
export type AgreementFormat = ChannelInput<'agreement:preview'>['format'];
export type AgreementPreview = ChannelOutput<'agreement:preview'>;
export type AgreementStatus = ChannelOutput<'agreement:status'>;
/** What Keel can see on this desktop (`keel doctor`'s report), for Settings → This computer. */
export type DesktopReport = ChannelOutput<'desktop:probes'>;
/** The desktop's own shortcut for `keel focus start`, offered where Ctrl+Alt+F cannot reach Keel. */
export type ShortcutOffer = ChannelOutput<'desktop:shortcutOffer'>;
/** Whether Keel believes this desktop's idle time, and else what Settings says. */
export type IdleTrust = ChannelOutput<'desktop:idleTrust'>;
export type DesktopProbe = DesktopReport['probes'][number];
/** What Keel did at start-up when its data file could not be used (null once dismissed). */
export type RecoveryNotice = NonNullable<ChannelOutput<'data:overview'>['recovery']>;
