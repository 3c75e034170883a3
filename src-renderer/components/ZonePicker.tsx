import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { exactZone, offsetLabel, searchZones, zoneWords } from '../lib/zones';
import { Input } from './Input';
import { useMessages } from '../i18n/KeelIntl';
import './ZonePicker.css';

export interface ZonePickerProps {
  id: string;
  /** What the field holds: a zone id such as "Europe/Berlin", or the text being typed. */
  value: string;
  /**
   * Called with the picked zone's id, or with the typed text while the user types (so nothing
   * typed is lost); a typed name that is a zone in another spelling ("europe/berlin") is handed on
   * in the list's spelling when the field is left. Check the value with lib/zones exactZone.
   */
  onChange: (zone: string) => void;
  label?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  disabled?: boolean;
}

/** Open/closed, the active option, and the keys that move between them. */
function useZoneList(value: string, pick: (zone: string) => void) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = useMemo(() => (open ? searchZones(value) : []), [open, value]);
  const expanded = open && options.length > 0;
  // Typed, searched, and nothing found: said in one line (the list has nothing to show).
  const none = open && options.length === 0 && value.trim() !== '' && exactZone(value) === null;
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const reopen = () => {
    setOpen(true);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = options.length;
      if (!open) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : -1);
      } else if (n > 0) {
        const step = e.key === 'ArrowDown' ? 1 : n - 1;
        setActive((a) => (a < 0 ? (step === 1 ? 0 : n - 1) : (a + step) % n));
      }
    } else if (e.key === 'Enter' && expanded && options[active] !== undefined) {
      e.preventDefault();
      pick(options[active]);
      close();
    } else if (e.key === 'Escape' && (expanded || none)) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  return { options, expanded, none, active, close, reopen, onKeyDown };
}

/**
 * A searchable time-zone field (WAI-ARIA combobox with a listbox): type a city ("Berlin",
 * "new york", "NYC") and pick from the suggestions, each with its offset from UTC now; arrows
 * move, Enter picks, Escape closes. A full zone id can be typed too. A search that finds nothing
 * says so in one line, in a polite live region that is always there (so it is announced).
 */
export function ZonePicker(props: ZonePickerProps) {
  const { id, value, onChange, label, inputRef, className, disabled } = props;
  const listId = `${id}-zones`;
  const offsetId = `${id}-offset`;
  const list = useZoneList(value, onChange);
  const t = useMessages();
  const current = exactZone(value);
  const offset = current !== null ? offsetLabel(current) : '';
  const describedBy = [props['aria-describedby'], offset !== '' ? offsetId : ''].filter(Boolean).join(' ');
  return (
    <div className={['zone-picker', className ?? ''].filter(Boolean).join(' ')}>
      {label !== undefined && (
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
      )}
      <div className="zone-picker__control">
        <Input
          id={id}
          ref={inputRef}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={list.expanded}
          aria-controls={listId}
          aria-activedescendant={list.expanded && list.active >= 0 ? `${id}-zone-${list.active}` : undefined}
          aria-describedby={describedBy || undefined}
          aria-invalid={props['aria-invalid'] === true ? true : undefined}
          className="zone-picker__input"
          value={value}
          disabled={disabled}
          placeholder={t('settings.zone.placeholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            onChange(e.target.value);
            list.reopen();
          }}
          onKeyDown={list.onKeyDown}
          onBlur={() => {
            list.close();
            if (current !== null && current !== value) onChange(current);
          }}
        />
        {offset !== '' && (
          <span id={offsetId} className="zone-picker__offset tabular">
            {t('settings.zone.offsetNow', { offset })}
          </span>
        )}
      </div>
      <p className="zone-picker__none" role="status">
        {list.none && t('settings.zone.none', { text: value.trim() })}
      </p>
      <ZoneOptions
        id={id}
        listId={listId}
        options={list.expanded ? list.options : []}
        active={list.active}
        onPick={(zone) => {
          onChange(zone);
          list.close();
        }}
      />
    </div>
  );
}

function ZoneOptions(p: {
  id: string;
  listId: string;
  options: string[];
  active: number;
  onPick: (z: string) => void;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const t = useMessages();
  useEffect(() => {
    if (p.active < 0) return;
    const option = listRef.current?.children[p.active];
    if (option instanceof HTMLElement) option.scrollIntoView?.({ block: 'nearest' });
  }, [p.active]);
  return (
    <ul
      id={p.listId}
      ref={listRef}
      role="listbox"
      aria-label={t('settings.zone.listLabel')}
      className="zone-picker__list"
      hidden={p.options.length === 0}
    >
      {p.options.map((zone, i) => (
        <li
          key={zone}
          id={`${p.id}-zone-${i}`}
          role="option"
          aria-selected={i === p.active}
          className="zone-picker__option"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => p.onPick(zone)}
        >
          <span className="zone-picker__name">{zoneWords(zone)}</span>
          <span className="zone-picker__option-offset tabular">{offsetLabel(zone)}</span>
        </li>
      ))}
    </ul>
  );
}
