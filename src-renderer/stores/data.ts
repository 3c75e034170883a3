import { takePrefetched } from '../api/prefetch';
import { create } from 'zustand';
import type { ChannelOutput } from '../../src-main/ipc/contract';
import { call, type Outcome } from '../api/keel';

/** Where the data lives, its backups, a start-up recovery to tell about, and how many records there are. */
export type DataOverview = ChannelOutput<'data:overview'>;
export type Backup = DataOverview['backups'][number];
export type BackupKind = Backup['kind'];
export type Recovery = NonNullable<DataOverview['recovery']>;
export type RecordKind = keyof DataOverview['counts'];
/** The backup put in place, and the copy of the data as it was just before (to undo it). */
export type RestoreResult = ChannelOutput<'data:restore'>;
/** `fileName: null` when the user cancelled main's open dialog. */
export type ImportResult = ChannelOutput<'data:import'>;
export type DataExportResult = ChannelOutput<'data:export'>;

/** The call under way; one at a time, so every data button waits while it runs. */
export type DataAction = 'backup' | 'restore' | 'export' | 'import' | 'delete' | 'dismiss';

interface DataState {
  /** Null until something asked (the recovery banner at start-up, Settings' data card). */
  overview: DataOverview | null;
  loading: boolean;
  /** Why the overview could not be read, one sentence. */
  loadError: string | null;
  busy: DataAction | null;
  load(): Promise<void>;
  backupNow(): Promise<Outcome<DataOverview>>;
  restore(id: string): Promise<Outcome<RestoreResult>>;
  /**
   * "Back up all my data (includes private notes)": main's save dialog chooses where the file
   * goes (the window only learns its name); with a passphrase the file is encrypted.
   */
  exportAll(passphrase?: string): Promise<Outcome<DataExportResult>>;
  /**
   * Main's open dialog chooses the file. A locked backup answers `needsPassphrase`; calling again
   * with the passphrase opens the file main holds (no second dialog).
   */
  importFile(passphrase?: string): Promise<Outcome<ImportResult>>;
  deleteAll(): Promise<Outcome<{ deleted: true }>>;
  /** Hides the recovery notice for good (main forgets it). */
  dismissRecovery(): Promise<Outcome<DataOverview>>;
}

const initial = { overview: null, loading: false, loadError: null, busy: null };
let generation = 0;

export const useData = create<DataState>()((set, get) => {
  /** Runs one call with the data buttons held; `after` takes the answer up on success. */
  async function run<T>(
    action: DataAction,
    request: () => Promise<Outcome<T>>,
    after?: (value: T) => void | Promise<void>,
  ): Promise<Outcome<T>> {
    if (get().busy !== null) {
      return {
        ok: false,
        code: 'conflict',
        message: 'Keel is still busy with your data; try again in a moment.',
      };
    }
    set({ busy: action });
    try {
      const result = await request();
      if (result.ok) await after?.(result.value);
      return result;
    } finally {
      set({ busy: null });
    }
  }

  /** An answer that is a whole overview wins over any read that started before it. */
  function take(overview: DataOverview) {
    generation++;
    set({ overview, loadError: null, loading: false });
  }

  return {
    ...initial,
    async load() {
      const mine = ++generation;
      set({ loading: true });
      const result = await call((k) => takePrefetched<DataOverview>('data') ?? k.data.overview());
      if (mine !== generation) return; // a newer read (or an answer) already won
      if (result.ok) set({ overview: result.value, loading: false, loadError: null });
      else set({ loading: false, loadError: result.message });
    },
    backupNow: () => run('backup', () => call((k) => k.data.backupNow()), take),
    // The list gains the safety copy and the counts change: read the overview again.
    restore: (id) =>
      run(
        'restore',
        () => call((k) => k.data.restore({ id })),
        () => get().load(),
      ),
    exportAll: (passphrase) =>
      run('export', () => call((k) => k.data.export(passphrase === undefined ? {} : { passphrase }))),
    importFile: (passphrase) =>
      run(
        'import',
        () => call((k) => k.data.import(passphrase === undefined ? {} : { passphrase })),
        (value) => (value.fileName === null || value.needsPassphrase ? undefined : get().load()),
      ),
    deleteAll: () =>
      run(
        'delete',
        () => call((k) => k.data.deleteAll({ confirm: true })),
        () => get().load(),
      ),
    dismissRecovery: () => run('dismiss', () => call((k) => k.data.dismissRecovery()), take),
  };
});

/** Re-reads the overview after a push naming 'data', once something has asked for it. */
export function refreshData(topics: ReadonlySet<string>): void {
  const state = useData.getState();
  if (!topics.has('data')) return;
  if (state.overview !== null || state.loadError !== null) void state.load();
}

export function resetData(): void {
  generation++;
  useData.setState(initial);
}
