/** Theme and presenter mode. */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../hooks/app-store-context';

export function Settings() {
  const { theme, presenter, setTheme, setPresenter } = useAppStore(
    useShallow((s) => ({
      theme: s.theme,
      presenter: s.presenter,
      setTheme: s.setTheme,
      setPresenter: s.setPresenter,
    })),
  );
  return (
    <div className="settings">
      <button
        type="button"
        aria-pressed={theme === 'dark'}
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        aria-label="Dark theme"
      >
        <span aria-hidden="true">◐</span> Dark
      </button>
      <button
        type="button"
        aria-pressed={presenter}
        aria-label="Presenter mode"
        aria-keyshortcuts="P"
        title="Large type for a lecture hall, no editing (key: P)"
        onClick={() => setPresenter(!presenter)}
      >
        Presenter <kbd>(P)</kbd>
      </button>
    </div>
  );
}
