import { useId, useRef, useState, type FormEvent, type Ref, type RefObject } from 'react';
import type { Settings } from '../../api/types';
import { Button } from '../../components/Button';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { CloseIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { useFocusAfterRemoval } from '../../components/useFocusAfterRemoval';
import { normalizeAddress } from '../../lib/calendar';
import { useInstantSetting } from '../settings/useSettingsForm';
import { useMessages } from '../../i18n/KeelIntl';

type CalendarSettings = Settings['calendar'];
type Tentative = CalendarSettings['tentative'];

/**
 * How Keel reads the calendar: the user's addresses (their answer to an invitation decides
 * whether it is busy) and whether tentative meetings warn. Each change is saved at once; main
 * reads the file again with the new addresses.
 */
export function CalendarReading({
  calendar,
  headingRef,
}: {
  calendar: CalendarSettings;
  /** The section's heading, which takes focus when the offer above it is set aside. */
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const t = useMessages();
  const tentative = useInstantSetting<'tentative', Tentative>();
  const shown = tentative.pending.tentative ?? calendar.tentative;
  return (
    <div className="calendar__reading">
      <CalendarAddresses calendar={calendar} headingRef={headingRef} />
      <ChoiceGroup<Tentative>
        label={t('focus.calendar.tentative.label')}
        layout="row"
        className="calendar__tentative"
        options={[
          { value: 'warn', label: t('focus.calendar.tentative.warn') },
          { value: 'ignore', label: t('focus.calendar.tentative.ignore') },
        ]}
        value={shown}
        hint={t('focus.calendar.tentative.hint')}
        error={tentative.error}
        onChange={(value) => {
          if (value === shown) return;
          void tentative.apply('tentative', value, {
            key: 'calendar',
            value: { ...calendar, tentative: value },
          });
        }}
      />
    </div>
  );
}

/** The user's own addresses: a list with Remove on each and a field to add one (Enter or the button). */
function CalendarAddresses({
  calendar,
  headingRef,
}: {
  calendar: CalendarSettings;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const t = useMessages();
  const addresses = calendar.addresses;
  const saving = useInstantSetting<string, true>();
  const [text, setText] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [removeButtons] = useState(() => new Map<string, HTMLButtonElement>());
  const focusAfterRender = useFocusAfterRemoval(input, removeButtons);
  const ids = { title: useId(), hint: useId() };
  const busy = Object.keys(saving.pending)[0] ?? null;
  // Main sends where the problem is apart (`path`), so its sentence shows as it is.
  const error = typedError ?? saving.error;

  function write(value: string[], key: string): Promise<boolean> {
    setTypedError(null);
    return saving.apply(key, true, { key: 'calendar', value: { ...calendar, addresses: value } });
  }

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy !== null) return;
    // Main checks the address and answers with its sentence; only a repeat is caught here, as
    // main would quietly keep one of the two.
    if (addresses.includes(normalizeAddress(text)) && normalizeAddress(text) !== '') {
      setTypedError(t('focus.calendar.addresses.repeat'));
      input.current?.focus();
      return;
    }
    const added = await write([...addresses, text], 'add');
    if (added) setText('');
    input.current?.focus();
  }

  async function remove(index: number) {
    const address = addresses[index];
    if (address === undefined || busy !== null) return;
    const value = addresses.filter((_, i) => i !== index);
    if (await write(value, `remove-${address}`)) {
      focusAfterRender(addresses[index + 1] ?? addresses[index - 1] ?? 'input');
    }
  }

  return (
    <section className="calendar__addresses" aria-labelledby={ids.title}>
      <div>
        <h3 id={ids.title} ref={headingRef} tabIndex={-1} className="calendar__subtitle">
          {t('focus.calendar.addresses.title')}
        </h3>
        <p id={ids.hint} className="calendar__muted">
          {t('focus.calendar.addresses.hint')}
        </p>
      </div>
      <AddressList
        addresses={addresses}
        busy={busy}
        buttons={removeButtons}
        onRemove={(i) => void remove(i)}
      />
      <AddAddressForm
        inputRef={input}
        text={text}
        busy={busy === 'add'}
        hintId={ids.hint}
        error={error}
        onText={(value) => {
          setText(value);
          setTypedError(null);
          saving.clearError();
        }}
        onAdd={(e) => void onAdd(e)}
      />
    </section>
  );
}

function AddAddressForm({
  inputRef,
  text,
  busy,
  hintId,
  error,
  onText,
  onAdd,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  text: string;
  busy: boolean;
  hintId: string;
  error: string | null;
  onText: (value: string) => void;
  onAdd: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const t = useMessages();
  const inputId = useId();
  const errorId = useId();
  return (
    <form className="calendar__add-address" onSubmit={onAdd} noValidate>
      <div className="calendar__add-row">
        <label htmlFor={inputId} className="calendar__label">
          {t('focus.calendar.addresses.label')}
        </label>
        <Input
          ref={inputRef}
          id={inputId}
          type="text"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          value={text}
          maxLength={254}
          placeholder={t('focus.calendar.addresses.placeholder')}
          className="calendar__address-input"
          aria-describedby={[hintId, error !== null ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error !== null || undefined}
          onChange={(e) => onText(e.target.value)}
        />
        <Button type="submit" size="md" busy={busy}>
          {t('focus.calendar.addresses.add')}
        </Button>
      </div>
      {error !== null && (
        <p id={errorId} className="calendar__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function AddressList({
  addresses,
  busy,
  buttons,
  onRemove,
}: {
  addresses: readonly string[];
  busy: string | null;
  /** Each address's Remove button, to move focus after a removal. */
  buttons: Map<string, HTMLButtonElement>;
  onRemove: (index: number) => void;
}) {
  const t = useMessages();
  if (addresses.length === 0) {
    return <p className="calendar__muted">{t('focus.calendar.addresses.none')}</p>;
  }
  return (
    <ul className="calendar__address-list" aria-label={t('focus.calendar.addresses.list')}>
      {addresses.map((address, i) => (
        <li key={address} className="calendar__address">
          <span className="calendar__address-text">{address}</span>
          <Button
            ref={(el) => {
              if (el) buttons.set(address, el);
              else buttons.delete(address);
            }}
            variant="ghost"
            size="sm"
            className="calendar__address-remove"
            busy={busy === `remove-${address}`}
            aria-label={t('focus.calendar.addresses.remove', { address })}
            onClick={() => onRemove(i)}
          >
            <CloseIcon />
          </Button>
        </li>
      ))}
    </ul>
  );
}
