import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { WorksheetPage } from '../../../src/ui/exercises/WorksheetPage';
import { generateProblem, generateWorksheet } from '../../../src/engine/exercises';
import { newAppStore, preferReducedMotion, servePublicFiles } from '../app-harness';

vi.setConfig({ testTimeout: 30_000 });

async function openApp(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  const store = newAppStore();
  render(<App store={store} />);
  await waitFor(() => expect(screen.getByLabelText('Memory references')).toHaveTextContent('0 / 24'));
  const panel = screen.getByRole('region', { name: 'Exercises: check yourself' });
  return { store, user: userEvent.setup(), panel };
}

beforeEach(() => {
  servePublicFiles();
  preferReducedMotion();
});
afterEach(() => vi.unstubAllGlobals());

describe('exercises panel', () => {
  it('opens the problem of an ?exercise= link and marks a wrong, then a right answer', async () => {
    const expected = generateProblem('walk-count', 77);
    const { user, panel } = await openApp('?exercise=walk-count:77');
    expect(within(panel).getByText(expected.question[0] ?? '')).toBeInTheDocument();
    const field = within(panel).getByLabelText('Your count of references');
    const right = expected.solution.references ?? '';
    await user.type(field, String(Number(right) + 1));
    await user.click(within(panel).getByRole('button', { name: 'Check' }));
    expect(within(panel).getByRole('status')).toHaveTextContent('0 of 1 right');
    expect(within(panel).getByText(new RegExp(`the answer is ${right}`))).toBeInTheDocument();
    expect(within(panel).getByRole('region', { name: 'Explanation' })).toHaveTextContent(
      /n·m \+ n \+ m|Natively/,
    );
    await user.clear(field);
    await user.type(field, right);
    expect(within(panel).queryByRole('status')).toBeNull(); // an edited answer hides the old mark
    await user.click(within(panel).getByRole('button', { name: 'Check' }));
    expect(within(panel).getByRole('status')).toHaveTextContent('1 of 1 right');
  });

  it('changes kind and seed, and writes them into the link', async () => {
    const { user, panel } = await openApp();
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Kind' }), 'index-split');
    const seed = within(panel).getByRole('spinbutton', { name: 'Seed' });
    await user.clear(seed);
    await user.type(seed, '5');
    expect(window.location.search).toBe('?exercise=index-split:5');
    const expected = generateProblem('index-split', 5);
    expect(within(panel).getByText(expected.given[0]?.value ?? '')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'New problem' }));
    expect(window.location.search).toMatch(/^\?exercise=index-split:\d+$/);
  });

  it('opens a problem’s scenario in the walk view', async () => {
    const { store, user, panel } = await openApp('?exercise=tlb-sequence:3');
    await user.click(within(panel).getByRole('button', { name: 'Step through it in the walk view' }));
    await waitFor(() => expect(store.getState().source).toBe('exercise: tlb-sequence #3'));
    await waitFor(() =>
      expect(store.getState().events.length).toBe(generateProblem('tlb-sequence', 3).fields.length),
    );
  });
});

describe('worksheet page', () => {
  it('prints the seed on the sheet and on the key, every problem, and the key’s answers', () => {
    render(
      <WorksheetPage sheet={{ seed: 9, count: 3, kinds: ['walk-count', 'translate', 'linear-table'] }} />,
    );
    expect(screen.getByText(/Seed 9 · 3 problems/)).toBeInTheDocument();
    const key = screen.getByRole('region', { name: 'Answer key — seed 9' });
    const problems = generateWorksheet(9, 3, ['walk-count', 'translate', 'linear-table']);
    expect(within(key).getByText(problems[0]?.solution.references ?? 'x')).toBeInTheDocument();
    expect(within(key).getByText(problems[1]?.solution.gpa ?? 'x')).toBeInTheDocument();
  });
});
