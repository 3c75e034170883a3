import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { useWelcome } from '../../stores/welcome';

/** Settings: the first run's three steps again (each still skippable; nothing saved until Next). */
export function WelcomeAgainCard() {
  const start = useWelcome((s) => s.start);
  return (
    <Card
      title="Welcome steps"
      description="Go through the three first-run steps again: hours and time zone, focus plan, one-on-one day."
    >
      <Button onClick={start}>Open the welcome steps</Button>
    </Card>
  );
}
