import { useState, type FormEvent } from 'react';
import { DEFAULT_NORMS, NORM_CHANNELS, TEAM_ZONES_MAX } from '../../../src-main/shared/vocabulary';
import type { ActionOutcome } from '../../api/keel';
import type { Agreement } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { useFocusTarget } from '../../components/focusRequest';
import { Input } from '../../components/Input';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Textarea } from '../../components/Textarea';
import { ZonePicker } from '../../components/ZonePicker';
import { useMessages } from '../../i18n/KeelIntl';
import { exactZone, zoneWords } from '../../lib/zones';
import { useAgreement } from '../../stores/agreement';
import './AgreementCard.css';

/** The sentence main placed at `where` (`teamZones.0.zone`, `norms.chat`), if the last save was refused there. */
function errorAt(outcome: ActionOutcome | null, where: string): string | null {
  return outcome !== null && !outcome.ok && outcome.where === where ? outcome.message : null;
}

/**
 * The working agreement's own parts: teammates' zones (added by city with the zone picker), how
 * soon the user answers on each channel, and a note. The hours and focus blocks come from
 * Settings and are not typed here.
 */
export function AgreementCard() {
  const draft = useAgreement((s) => s.draft);
  const loadError = useAgreement((s) => s.loadError);
  const saving = useAgreement((s) => s.saving);
  const edit = useAgreement((s) => s.edit);
  const save = useAgreement((s) => s.save);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  // The palette's "Working agreement": focus on the form's first field once it is drawn.
  const form = useFocusTarget<HTMLFormElement>('agreement-form');
  const t = useMessages();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(await save());
  };

  return (
    <Card
      title={t('oneonone.agreement.title')}
      description={t('oneonone.agreement.description')}
      className="agreement"
    >
      {loadError !== null && <Notice tone="error">{loadError}</Notice>}
      {draft === null ? (
        loadError === null && <Loading label={t('oneonone.agreement.loading')} />
      ) : (
        <form
          ref={form}
          className="agreement__form"
          aria-label={t('oneonone.agreement.form')}
          onSubmit={(e) => void onSubmit(e)}
        >
          <TeamZones draft={draft} edit={edit} outcome={outcome} />
          <Norms draft={draft} edit={edit} outcome={outcome} />
          <Field
            label={t('oneonone.agreement.note')}
            hint={t('oneonone.agreement.noteHint')}
            error={errorAt(outcome, 'note')}
          >
            {(control) => (
              <Textarea
                {...control}
                value={draft.note}
                onChange={(e) => edit({ ...draft, note: e.target.value })}
              />
            )}
          </Field>
          <div className="agreement__actions">
            <Button type="submit" variant="primary" busy={saving}>
              {t('oneonone.agreement.save')}
            </Button>
          </div>
          {outcome !== null &&
            (outcome.ok ? (
              <Notice tone="success">{t('oneonone.agreement.saved')}</Notice>
            ) : (
              outcome.where === undefined && <Notice tone="error">{outcome.message}</Notice>
            ))}
        </form>
      )}
    </Card>
  );
}

/** The draft a part of the form edits, and the last save's outcome (its refusal under the control). */
interface DraftProps {
  draft: Agreement;
  edit: (draft: Agreement) => void;
  outcome: ActionOutcome | null;
}

/** How soon the user answers on each channel; Keel's defaults in the window's language until changed. */
function Norms({ draft, edit, outcome }: DraftProps) {
  const t = useMessages();
  return (
    <fieldset className="agreement__norms">
      <legend className="agreement__legend">{t('oneonone.agreement.norms')}</legend>
      {NORM_CHANNELS.map((channel) => (
        <Field
          key={channel}
          label={t(`vocab.channel.${channel}`)}
          error={errorAt(outcome, `norms.${channel}`)}
        >
          {(control) => (
            <Input
              {...control}
              value={
                draft.norms[channel] === DEFAULT_NORMS[channel]
                  ? t(`export.agreement.defaultNorm.${channel}`)
                  : draft.norms[channel]
              }
              onChange={(e) => edit({ ...draft, norms: { ...draft.norms, [channel]: e.target.value } })}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}

function TeamZones({ draft, edit, outcome }: DraftProps) {
  const t = useMessages();
  const [zone, setZone] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const full = draft.teamZones.length >= TEAM_ZONES_MAX;

  const add = () => {
    const picked = exactZone(zone);
    if (picked === null) {
      setProblem(t('oneonone.agreement.pickZone'));
      return;
    }
    edit({ ...draft, teamZones: [...draft.teamZones, { zone: picked, name: name.trim() }] });
    setZone('');
    setName('');
    setProblem(null);
  };

  return (
    <fieldset className="agreement__zones">
      <legend className="agreement__legend">{t('oneonone.agreement.zones')}</legend>
      <ZoneList draft={draft} edit={edit} outcome={outcome} />
      <div className="agreement__add">
        <ZonePicker
          id="agreement-zone"
          label={t('oneonone.agreement.zone')}
          value={zone}
          onChange={setZone}
          disabled={full}
        />
        <Field label={t('oneonone.agreement.name')}>
          {(control) => (
            <Input
              {...control}
              value={name}
              maxLength={40}
              disabled={full}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Button onClick={add} disabled={full}>
          {t('oneonone.agreement.addZone')}
        </Button>
      </div>
      {problem !== null && <Notice tone="error">{problem}</Notice>}
      {full && <p className="agreement__empty">{t('oneonone.agreement.full', { max: TEAM_ZONES_MAX })}</p>}
    </fieldset>
  );
}

function ZoneList({ draft, edit, outcome }: DraftProps) {
  const t = useMessages();
  if (draft.teamZones.length === 0) {
    return <p className="agreement__empty">{t('oneonone.agreement.noZones')}</p>;
  }
  return (
    <ul className="agreement__zone-list" aria-label={t('oneonone.agreement.zones')}>
      {draft.teamZones.map((team, i) => {
        const error = errorAt(outcome, `teamZones.${i}.zone`);
        const label = team.name !== '' ? team.name : zoneWords(team.zone);
        return (
          <li key={`${team.zone}|${team.name}|${i}`} className="agreement__zone">
            <span>
              {team.name !== '' && <strong>{team.name} · </strong>}
              {zoneWords(team.zone)}
            </span>
            {error !== null && (
              <span className="agreement__zone-error" role="alert">
                {error}
              </span>
            )}
            <Button
              aria-label={t('oneonone.agreement.removeLabel', { name: label })}
              onClick={() => edit({ ...draft, teamZones: draft.teamZones.filter((_, j) => j !== i) })}
            >
              {t('oneonone.agreement.remove')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
