import { MoonIcon } from '../components/Icons';
import { PlaceholderView } from './PlaceholderView';

export function SignoffView() {
  return (
    <PlaceholderView
      title="Sign-off"
      icon={<MoonIcon />}
      emptyTitle="Nothing to sign off yet"
      description="Your end-of-day sign-off will live here: what got done, and what comes first tomorrow."
    />
  );
}
