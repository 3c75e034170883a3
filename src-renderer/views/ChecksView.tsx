import { PulseIcon } from '../components/Icons';
import { PlaceholderView } from './PlaceholderView';

export function ChecksView() {
  return (
    <PlaceholderView
      title="Check-ins"
      icon={<PulseIcon />}
      emptyTitle="No check-ins yet"
      description="Twenty-second workload self-checks, on a cadence you pick, and how they trend over the weeks will live here."
    />
  );
}
