// A failed import never replaces the document: the previous scenario, link and cursor stay, and
// the banner says what was wrong and that nothing was imported.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { newAppStore, readPublicJson, resetPageEachTest } from '../app-harness';

vi.setConfig({ testTimeout: 30_000 });

const counter = () => screen.getByLabelText('Memory references');
const importInput = () => screen.getByLabelText('Import scenario');
const jsonFile = (name: string, value: unknown) =>
  new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });

async function openAtStep3() {
  const store = newAppStore();
  render(<App store={store} />);
  await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
  const user = userEvent.setup();
  await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
  await waitFor(() => expect(window.location.hash).toMatch(/&step=3$/));
  return { store, user, hash: window.location.hash, scenario: store.getState().scenario };
}

resetPageEachTest();

describe('Import of a file that is JSON but not a valid scenario', () => {
  it('keeps the document, the link and the cursor, and names the bad field', async () => {
    const { store, user, hash, scenario } = await openAtStep3();
    const bad = { ...(readPublicJson('scenarios/default.json') as object), cpu: { cr3: 'zz' } };
    await user.upload(importInput(), jsonFile('broken.json', bad));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not import');
    expect(alert).toHaveTextContent('broken.json');
    expect(alert).toHaveTextContent('cpu.cr3');
    expect(alert).toHaveTextContent('Nothing was imported');
    expect(alert).not.toHaveTextContent('Your edits are kept');
    expect(store.getState().scenario).toBe(scenario);
    expect(store.getState().source).toBe('default.json');
    expect(counter()).toHaveTextContent('3 / 24');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.location.hash).toBe(hash);
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveDisplayValue(
      'Default: 4-level guest on 4-level EPT',
    );
  });

  it('refuses a file that is not JSON with its line, and keeps the document', async () => {
    const { store, user, scenario } = await openAtStep3();
    await user.upload(importInput(), jsonFile('cut.json', '{ "cpu": '));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Could not import.*cut\.json/);
    expect(alert).not.toHaveTextContent('Your edits are kept');
    expect(store.getState().scenario).toBe(scenario);
    expect(counter()).toHaveTextContent('3 / 24');
  });

  it('imports a valid file after a refused one', async () => {
    const { user } = await openAtStep3();
    await user.upload(importInput(), jsonFile('array.json', [1, 2]));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not import');
    await user.upload(importInput(), jsonFile('native.json', readPublicJson('scenarios/native.json')));
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 4'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(
      within(screen.getByRole('combobox', { name: 'Scenario' })).getByRole('option', { selected: true }),
    ).toHaveTextContent('Native 4-level walk (no EPT)');
  });

  it('refuses a key given twice, naming it with its line and column, and keeps the document', async () => {
    const { store, user, hash, scenario } = await openAtStep3();
    const text = JSON.stringify(readPublicJson('scenarios/native.json'), null, 2).replace(
      '{\n',
      '{\n  "name": "first",\n',
    );
    await user.upload(importInput(), jsonFile('twice.json', text));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('twice.json: name: line 4, column 3: the field "name" appears twice');
    expect(alert).toHaveTextContent('Nothing was imported');
    expect(store.getState().scenario).toBe(scenario);
    expect(counter()).toHaveTextContent('3 / 24');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.location.hash).toBe(hash);
  });

  it('says where a syntax error is: line and column', async () => {
    const { user } = await openAtStep3();
    await user.upload(importInput(), jsonFile('comma.json', '{\n  "cpu": { "cr3": 0, }\n}'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/comma\.json: not valid JSON: line 2, column \d+:/);
  });

  it('accepts a file that starts with a UTF-8 byte-order mark', async () => {
    const { user } = await openAtStep3();
    const text = '\ufeff' + JSON.stringify(readPublicJson('scenarios/native.json'));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.slice(1))]);
    await user.upload(importInput(), new File([bytes], 'bom.json', { type: 'application/json' }));
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 4'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
