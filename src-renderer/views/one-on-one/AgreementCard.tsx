import { useState, type FormEvent } from 'react';
import { NORM_CHANNELS, NORM_LABELS, TEAM_ZONES_MAX } from '../../../src-main/shared/vocabulary';
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

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(await save());
  };

  return (
    <Card
      title="Working agreement"
      description="How to work with you: your hours and focus blocks (from Settings) in your teammates’ zones, and how soon you answer. Nothing leaves until you save or copy it below."
      className="agreement"
    >
      {loadError !== null && <Notice tone="error">{loadError}</Notice>}
      {draft === null ? (
        loadError === null && <Loading label="Reading your agreement…" />
      ) : (
        <form
          ref={form}
          className="agreement__form"
          aria-label="Working agreement"
          onSubmit={(e) => void onSubmit(e)}
        >
          <TeamZones draft={draft} edit={edit} outcome={outcome} />
          <fieldset className="agreement__norms">
            <legend className="agreement__legend">How soon you answer</legend>
            {NORM_CHANNELS.map((channel) => (
              <Field key={channel} label={NORM_LABELS[channel]} error={errorAt(outcome, `norms.${channel}`)}>
                {(control) => (
                  <Input
                    {...control}
                    value={draft.norms[channel]}
                    onChange={(e) => edit({ ...draft, norms: { ...draft.norms, [channel]: e.target.value } })}
                  />
                )}
              </Field>
            ))}
          </fieldset>
          <Field
            label="Note"
            hint="Anything else teammates should know; optional."
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
              Save agreement
            </Button>
          </div>
          {outcome !== null &&
            (outcome.ok ? (
              <Notice tone="success">Saved. The preview below shows it.</Notice>
            ) : (
              outcome.where === undefined && <Notice tone="error">{outcome.message}</Notice>
            ))}
        </form>
      )}
    </Card>
  );
}

function TeamZones({
  draft,
  edit,
  outcome,
}: {
  draft: Agreement;
  edit: (draft: Agreement) => void;
  outcome: ActionOutcome | null;
}) {
  const [zone, setZone] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const full = draft.teamZones.length >= TEAM_ZONES_MAX;

  const add = () => {
    const picked = exactZone(zone);
    if (picked === null) {
      setProblem('Type a city and pick its zone from the list, such as Europe/Berlin.');
      return;
    }
    edit({ ...draft, teamZones: [...draft.teamZones, { zone: picked, name: name.trim() }] });
    setZone('');
    setName('');
    setProblem(null);
  };

  return (
    <fieldset className="agreement__zones">
      <legend className="agreement__legend">Teammates’ zones</legend>
      <ZoneList draft={draft} edit={edit} outcome={outcome} />
      <div className="agreement__add">
        <ZonePicker
          id="agreement-zone"
          label="Zone (type a city)"
          value={zone}
          onChange={setZone}
          disabled={full}
        />
        <Field label="Name (optional)">
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
          Add zone
        </Button>
      </div>
      {problem !== null && <Notice tone="error">{problem}</Notice>}
      {full && (
        <p className="agreement__empty">That is the most zones an agreement shows ({TEAM_ZONES_MAX}).</p>
      )}
    </fieldset>
  );
}

function ZoneList({
  draft,
  edit,
  outcome,
}: {
  draft: Agreement;
  edit: (draft: Agreement) => void;
  outcome: ActionOutcome | null;
}) {
  if (draft.teamZones.length === 0) {
    return <p className="agreement__empty">No zones yet: your hours are shown in your own zone only.</p>;
  }
  return (
    <ul className="agreement__zone-list" aria-label="Teammates’ zones">
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
              aria-label={`Remove ${label}`}
              onClick={() => edit({ ...draft, teamZones: draft.teamZones.filter((_, j) => j !== i) })}
            >
              Remove
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
