import { useState } from 'react';
import type { FocusRule, Settings, Weekday } from '../../api/types';
import { Button } from '../../components/Button';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Input } from '../../components/Input';
import { useSettings } from '../../stores/settings';
import { useMessages } from '../../i18n/KeelIntl';
import { StepFrame, type StepProps } from './StepFrame';
import {
  blocksOf,
  describeDays,
  describePlan,
  newBlock,
  planValue,
  workingDays,
  type BlockDraft,
} from './words';

type PlanChoice = 'tomorrow' | 'edit' | 'none';

const CHOICES = [
  { value: 'tomorrow', label: 'app.welcome.plan.tomorrow' },
  { value: 'edit', label: 'app.welcome.plan.edit' },
  { value: 'none', label: 'app.welcome.plan.none' },
] as const;

/**
 * Step 2: the weekly focus plan. "Start tomorrow" (as shown, or with the blocks changed here: the
 * same blocks on every working day, the Focus view has them day by day) leaves today without
 * planned blocks and starts the plan tomorrow; "No focus plan" empties it from today. Both through
 * settings:set with its dates.
 */
export function PlanStep({
  settings,
  today,
  tomorrow,
  planIsDefault,
  ...step
}: StepProps & { settings: Settings; today: string; tomorrow: string; planIsDefault: boolean }) {
  const save = useSettings((s) => s.save);
  const [choice, setChoice] = useState<PlanChoice>(settings.focusPlan.length === 0 ? 'none' : 'tomorrow');
  const [blocks, setBlocks] = useState<BlockDraft[]>(() => {
    const own = blocksOf(settings.focusPlan);
    return own.length > 0 ? own : [newBlock('09:00', '11:00')];
  });
  const [error, setError] = useState<string | null>(null);
  const t = useMessages();
  const days = workingDays(settings.workingHours);
  const shown: FocusRule[] = planIsDefault
    ? planValue(blocksOf(settings.focusPlan), days)
    : settings.focusPlan;

  async function submit(): Promise<boolean> {
    const plan = choice === 'edit' ? planValue(blocks, days) : shown;
    if (choice === 'edit' && blocks.some((b) => !(b.start < b.end))) {
      setError(t('app.welcome.plan.end-after-start'));
      return false;
    }
    const writes =
      choice === 'none' || plan.length === 0
        ? [{ key: 'focusPlan' as const, value: [], from: today }]
        : [
            { key: 'focusPlan' as const, value: [], from: today },
            { key: 'focusPlan' as const, value: plan, from: tomorrow },
          ];
    for (const write of writes) {
      const saved = await save(write);
      if (!saved.ok) {
        setError(saved.message);
        return false;
      }
    }
    setError(null);
    step.onNext();
    return true;
  }

  return (
    <StepFrame
      step={2}
      title={t('app.welcome.plan.title')}
      intro={
        <p>
          {t('app.welcome.plan.intro')}{' '}
          {planIsDefault
            ? t('app.welcome.plan.default', { plan: describePlan(shown) })
            : t('app.welcome.plan.own', { plan: describePlan(shown) })}
        </p>
      }
      save={submit}
      error={error}
      onSkip={step.onSkip}
      onBack={step.onBack}
    >
      <ChoiceGroup
        label={t('app.welcome.plan.label')}
        layout="list"
        options={CHOICES.map((c) => ({ value: c.value, label: t(c.label) }))}
        value={choice}
        onChange={setChoice}
        hint={t('app.welcome.plan.hint')}
      />
      {choice === 'edit' && <BlockEditor blocks={blocks} days={days} setBlocks={setBlocks} />}
    </StepFrame>
  );
}

/** The same blocks on every working day: start, end, remove, and "Add a block". */
function BlockEditor({
  blocks,
  days,
  setBlocks,
}: {
  blocks: BlockDraft[];
  days: Weekday[];
  setBlocks: (change: (list: BlockDraft[]) => BlockDraft[]) => void;
}) {
  const edit = (key: number, change: Partial<BlockDraft>) =>
    setBlocks((list) => list.map((b) => (b.key === key ? { ...b, ...change } : b)));
  const t = useMessages();
  return (
    <fieldset className="first-run__blocks">
      <legend className="field__label">{t('app.welcome.plan.blocks', { days: describeDays(days) })}</legend>
      <ul className="first-run__block-list">
        {blocks.map((block, i) => (
          <li key={block.key} className="first-run__block">
            <Input
              type="time"
              aria-label={t('app.welcome.plan.block-start', { number: i + 1 })}
              value={block.start}
              onChange={(e) => edit(block.key, { start: e.target.value })}
            />
            <span aria-hidden="true">{t('app.welcome.plan.to')}</span>
            <Input
              type="time"
              aria-label={t('app.welcome.plan.block-end', { number: i + 1 })}
              value={block.end}
              onChange={(e) => edit(block.key, { end: e.target.value })}
            />
            <Button
              variant="ghost"
              size="sm"
              aria-label={t('app.welcome.plan.remove-label', { number: i + 1 })}
              onClick={() => setBlocks((list) => list.filter((b) => b.key !== block.key))}
            >
              {t('app.welcome.plan.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <Button size="sm" onClick={() => setBlocks((list) => [...list, newBlock('14:00', '16:00')])}>
        {t('app.welcome.plan.add')}
      </Button>
    </fieldset>
  );
}
