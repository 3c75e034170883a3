import { ConversationIcon } from '../components/Icons';
import { PlaceholderView } from './PlaceholderView';

export function OneOnOneView() {
  return (
    <PlaceholderView
      title="One-on-one"
      icon={<ConversationIcon />}
      emptyTitle="No summary yet"
      description="A summary for your one-on-one will live here. You pick what goes in and see exactly what will be shared before anything leaves this computer."
    />
  );
}
