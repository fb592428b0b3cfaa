import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileText } from '../../../src/ui/controls/file-io';
import { ErrorBanner } from '../../../src/ui/controls/ErrorBanner';
import { ScenarioPicker } from '../../../src/ui/controls/ScenarioPicker';
import { AppStoreContext } from '../../../src/ui/hooks/app-store-context';
import { newAppStore, readPublicJson, servePublicFiles } from '../app-harness';

const presets = [
  { file: 'default.json', name: 'Default', description: '' },
  { file: 'native.json', name: 'Native', description: '' },
];

async function setup() {
  const store = newAppStore();
  await store.getState().loadScenario(readPublicJson('scenarios/default.json'), 'default.json');
  render(
    <AppStoreContext.Provider value={store}>
      <ScenarioPicker presets={presets} />
      <ErrorBanner />
    </AppStoreContext.Provider>,
  );
  return store;
}

const jsonFile = (name: string, text: string) => new File([text], name, { type: 'application/json' });

beforeEach(() => {
  servePublicFiles();
  URL.createObjectURL ??= () => '';
  URL.revokeObjectURL ??= () => {};
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ScenarioPicker', () => {
  it('loads the chosen preset', async () => {
    const store = await setup();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'Native');
    await waitFor(() => expect(store.getState().source).toBe('native.json'));
    expect(store.getState().scenario?.name).toMatch(/native/i);
  });

  it('imports a scenario file', async () => {
    const store = await setup();
    const text = JSON.stringify(readPublicJson('scenarios/npt.json'));
    await userEvent.upload(screen.getByLabelText('Import scenario'), jsonFile('mine.json', text));
    await waitFor(() => expect(store.getState().source).toBe('import: mine.json'));
    expect(store.getState().scenario).toHaveProperty('npt');
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveDisplayValue(/NPT/);
  });

  it('says which file is not JSON, and keeps the current walk', async () => {
    const store = await setup();
    const trace = store.getState().trace;
    await userEvent.upload(screen.getByLabelText('Import scenario'), jsonFile('broken.json', '{ "cpu": '));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not import.*broken\.json: not valid JSON: line 1, column 10/,
    );
    expect(store.getState().trace).toBe(trace);
  });

  it('names the bad fields of an imported scenario', async () => {
    await setup();
    const bad = {
      format: 'nestwalk-scenario/1',
      cpu: { cr3: '0x1000' },
      accesses: [{ va: '0x1', kind: 'jump' }],
    };
    await userEvent.upload(
      screen.getByLabelText('Import scenario'),
      jsonFile('bad.json', JSON.stringify(bad)),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('accesses[0].kind');
  });

  it('exports the scenario as a JSON download named after it', async () => {
    await setup();
    // jsdom has no object URLs: record the blob instead.
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:scenario';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(clicked).toEqual(['default-4-level-guest-on-4-level-ept.json']);
    expect(JSON.parse(await readFileText(blobs[0]!))).toEqual(readPublicJson('scenarios/default.json'));
  });
});
