// A malformed scenario (a name that is an object, accesses that are not a list) never reaches the
// views: from Import and from a link, the page stays up and says which field is wrong. A view that
// fails anyway takes only its own region down.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeLink } from '../../../src/state/url-codec';
import type { ScenarioDoc } from '../../../src/state/scenario-doc';
import { App } from '../../../src/ui/App';
import { newAppStore, preferReducedMotion, readPublicJson, servePublicFiles } from '../app-harness';

vi.setConfig({ testTimeout: 30_000 });

const counter = () => screen.getByLabelText('Memory references');
const heading = () => screen.getByRole('heading', { level: 1 });
const preset = () => readPublicJson('scenarios/default.json') as ScenarioDoc;
const MALFORMED: readonly [string, Record<string, unknown>, string][] = [
  ['a name that is an object', { name: { text: 'x' } }, 'name'],
  ['accesses that are not a list', { accesses: 'all of them' }, 'accesses'],
];

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  servePublicFiles();
  preferReducedMotion();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe.each(MALFORMED)('a scenario with %s', (_what, patch, path) => {
  it('from Import: the page stays, the walk stays, the alert names the field', async () => {
    const store = newAppStore();
    render(<App store={store} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    const file = new File([JSON.stringify({ ...preset(), ...patch })], 'bad.json');
    await userEvent.setup().upload(screen.getByLabelText('Import scenario'), file);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(path);
    expect(heading()).toBeInTheDocument();
    expect(counter()).toHaveTextContent('0 / 24');
    expect(store.getState().scenario?.name).toBe(preset().name);
  });

  it('from a link: the page stays, says the link is bad, and shows the default preset', async () => {
    const hash = encodeLink({ scenario: { ...preset(), ...patch }, accessIndex: 0, step: 0 });
    window.history.replaceState(null, '', '/' + hash);
    render(<App store={newAppStore()} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Link problem');
    expect(alert).toHaveTextContent(path);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    expect(heading()).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Link problem');
  });
});

describe('error boundaries', () => {
  it('a region that fails says which one and keeps the rest of the page', async () => {
    const store = newAppStore();
    render(<App store={store} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    // A state no action produces: the boundary is the last line of defence.
    store.setState({
      source: 'custom',
      scenario: { ...preset(), name: { text: 'x' } } as unknown as ScenarioDoc,
    });
    const failed = await screen.findByText(/The scenario picker could not be drawn/);
    expect(heading()).toBeInTheDocument();
    expect(counter()).toHaveTextContent('0 / 24');
    store.setState({ scenario: preset(), source: 'default.json' });
    await userEvent
      .setup()
      .click(within(failed.closest('.view-failed')!).getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toBeInTheDocument();
  });
});
