import { useState } from 'react';
import type { FocusRule, Settings, Weekday } from '../../api/types';
import { Button } from '../../components/Button';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Input } from '../../components/Input';
import { useSettings } from '../../stores/settings';
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
  { value: 'tomorrow', label: 'Start this plan tomorrow' },
  { value: 'edit', label: 'Change the blocks, then start tomorrow' },
  { value: 'none', label: 'No focus plan for now' },
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
  const days = workingDays(settings.workingHours);
  const shown: FocusRule[] = planIsDefault
    ? planValue(blocksOf(settings.focusPlan), days)
    : settings.focusPlan;

  async function submit(): Promise<boolean> {
    const plan = choice === 'edit' ? planValue(blocks, days) : shown;
    if (choice === 'edit' && blocks.some((b) => !(b.start < b.end))) {
      setError('Each block needs to end after it starts.');
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
      title="Your focus blocks"
      intro={
        <p>
          Keel reminds you when a focus block starts and counts the time you protect.{' '}
          {planIsDefault ? 'Keel’s starting plan' : 'Your plan'}: {describePlan(shown)}.
        </p>
      }
      save={submit}
      error={error}
      onSkip={step.onSkip}
      onBack={step.onBack}
    >
      <ChoiceGroup
        label="Focus plan"
        layout="list"
        options={CHOICES}
        value={choice}
        onChange={setChoice}
        hint="Today stays free of planned blocks: you are just setting up."
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
  return (
    <fieldset className="first-run__blocks">
      <legend className="field__label">Blocks on each working day ({describeDays(days)})</legend>
      <ul className="first-run__block-list">
        {blocks.map((block, i) => (
          <li key={block.key} className="first-run__block">
            <Input
              type="time"
              aria-label={`Block ${i + 1} start`}
              value={block.start}
              onChange={(e) => edit(block.key, { start: e.target.value })}
            />
            <span aria-hidden="true">to</span>
            <Input
              type="time"
              aria-label={`Block ${i + 1} end`}
              value={block.end}
              onChange={(e) => edit(block.key, { end: e.target.value })}
            />
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove block ${i + 1}`}
              onClick={() => setBlocks((list) => list.filter((b) => b.key !== block.key))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <Button size="sm" onClick={() => setBlocks((list) => [...list, newBlock('14:00', '16:00')])}>
        Add a block
      </Button>
    </fieldset>
  );
}
