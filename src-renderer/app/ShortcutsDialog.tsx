import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { modifierLabel } from './useViewShortcuts';
import { VIEW_LABELS, VIEW_ORDER } from './views';
import './ShortcutsDialog.css';

/** Lists Keel's keyboard shortcuts. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const mod = modifierLabel();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      description="Everything in Keel works from the keyboard."
      footer={
        <Button variant="primary" onClick={onClose} data-autofocus>
          Done
        </Button>
      }
    >
      <dl className="shortcuts">
        <div className="shortcuts__row">
          <dt>Open the command palette</dt>
          <dd>
            <kbd>{mod}</kbd>
            <kbd>K</kbd>
          </dd>
        </div>
        {VIEW_ORDER.map((id, index) => (
          <div className="shortcuts__row" key={id}>
            <dt>Go to {VIEW_LABELS[id]}</dt>
            <dd>
              <kbd>{mod}</kbd>
              <kbd>{index + 1}</kbd>
            </dd>
          </div>
        ))}
        <div className="shortcuts__row">
          <dt>Move within the sidebar</dt>
          <dd>
            <kbd>↑</kbd>
            <kbd>↓</kbd>
          </dd>
        </div>
        <div className="shortcuts__row">
          <dt>Quit Keel (closing the window keeps it running)</dt>
          <dd>
            <kbd>{mod}</kbd>
            <kbd>Q</kbd>
          </dd>
        </div>
      </dl>
    </Dialog>
  );
}
