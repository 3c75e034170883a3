/**
 * The floor under figure 5b: React drawing one line that needs `Intl` (ICU's start-up), in the
 * same `.today` frame the figure waits for. Whatever Keel's first render costs beyond this page,
 * loaded in the same browser at the same moment, is Keel's own.
 */
import { createRoot } from 'react-dom/client';

function Today() {
  const day = new Intl.DateTimeFormat('en-US', { weekday: 'long', hour: 'numeric' }).format(new Date());
  return (
    <main id="main">
      <div className="today">
        <h1>Today</h1>
        <p>{day}</p>
      </div>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<Today />);
