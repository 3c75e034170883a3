import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { useMessages } from '../i18n/KeelIntl';
import { modifierLabel } from './useViewShortcuts';
import { VIEW_MESSAGES, VIEW_ORDER } from './views';
import './ShortcutsDialog.css';

/** Lists Keel's keyboard shortcuts. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const mod = modifierLabel();
  const t = useMessages();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('app.shortcuts.title')}
      description={t('app.shortcuts.description')}
      footer={
        <Button variant="primary" onClick={onClose} data-autofocus>
          {t('app.shortcuts.done')}
        </Button>
      }
    >
      <dl className="shortcuts">
        <div className="shortcuts__row">
          <dt>{t('app.shortcuts.palette')}</dt>
          <dd>
            <kbd>{mod}</kbd>
            <kbd>K</kbd>
          </dd>
        </div>
        {VIEW_ORDER.map((id, index) => (
          <div className="shortcuts__row" key={id}>
            <dt>{t('app.shortcuts.go', { view: t(VIEW_MESSAGES[id]) })}</dt>
            <dd>
              <kbd>{mod}</kbd>
              <kbd>{index + 1}</kbd>
            </dd>
          </div>
        ))}
        <div className="shortcuts__row">
          <dt>{t('app.shortcuts.sidebar')}</dt>
          <dd>
            <kbd>↑</kbd>
            <kbd>↓</kbd>
          </dd>
        </div>
        <div className="shortcuts__row">
          <dt>{t('app.shortcuts.quit')}</dt>
          <dd>
            <kbd>{mod}</kbd>
            <kbd>Q</kbd>
          </dd>
        </div>
      </dl>
    </Dialog>
  );
}
