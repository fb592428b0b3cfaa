// Predict mode in the app: the switch, a right and a wrong answer with the engine's truth and the
// score, Reveal step, and a question stepped past counted as such.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { newAppStore, resetPageEachTest } from '../app-harness';

vi.setConfig({ testTimeout: 30_000 });

const counter = () => screen.getByLabelText('Memory references');
const question = () => screen.getByRole('form', { name: 'Your prediction' });
const score = () =>
  within(screen.getByRole('region', { name: 'Predict, then step' })).getAllByRole('status')[0]!;

resetPageEachTest({ clearStorage: true });

describe('predict mode', () => {
  it('asks before each step, marks right and wrong answers with the truth, and keeps the score', async () => {
    render(<App store={newAppStore()} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    const user = userEvent.setup();
    expect(screen.queryByRole('region', { name: 'Predict, then step' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Predict mode/ }));
    expect(window.location.search).toContain('predict=1');

    // The total, answered right.
    expect(question()).toHaveTextContent(/how many memory references/);
    await user.type(within(question()).getByLabelText('References in all'), '24');
    await user.click(within(question()).getByRole('button', { name: 'Check' }));
    expect(score()).toHaveTextContent('Score: 1 of 1 right');
    expect(screen.getByRole('region', { name: /Checked: Before the first step/ })).toHaveTextContent(
      /4·4 \+ 4 \+ 4 = 24/,
    );

    // Step 1, answered wrong: each field says the engine's answer.
    expect(question()).toHaveTextContent(/Step 1: which table/);
    await user.selectOptions(within(question()).getByLabelText('Table read'), 'guest PML4 (level 4)');
    await user.type(within(question()).getByLabelText('Index (0–511)'), '0');
    await user.type(within(question()).getByLabelText('Entry address (hex)'), '0x1000');
    await user.click(within(question()).getByRole('button', { name: 'Check' }));
    const checked = screen.getByRole('region', { name: /Checked: Step 1/ });
    expect(checked).toHaveTextContent(/the answer is EPT PML4 \(level 4\)/);
    expect(checked).toHaveTextContent(/the answer is 0x50000000/);
    expect(score()).toHaveTextContent(/Score: [12] of 4 right/);
    expect(counter()).toHaveTextContent('0 / 24');

    // Reveal the step; then step past step 2's question with the arrow key.
    await user.click(screen.getByRole('button', { name: 'Reveal step 1 ▶' }));
    await waitFor(() => expect(counter()).toHaveTextContent('1 / 24'));
    expect(question()).toHaveTextContent(/Step 2:/);
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(counter()).toHaveTextContent('2 / 24'));
    expect(score()).toHaveTextContent('1 question stepped past');
    expect(question()).toHaveTextContent(/Step 3:/);
  });

  it('opens in predict mode from a link with predict=1, and a new access starts a new session', async () => {
    window.history.replaceState(null, '', '/?predict=1');
    render(<App store={newAppStore()} />);
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 24'));
    expect(question()).toHaveTextContent(/how many memory references/);
    expect(screen.getByRole('checkbox', { name: /Predict mode/ })).toBeChecked();
    const user = userEvent.setup();
    await user.type(within(question()).getByLabelText('References in all'), '20');
    await user.click(within(question()).getByRole('button', { name: 'Check' }));
    expect(score()).toHaveTextContent('Score: 0 of 1 right');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'native.json');
    await waitFor(() => expect(counter()).toHaveTextContent('0 / 4'));
    expect(score()).toHaveTextContent('Score: 0 of 0 right');
    expect(question()).toHaveTextContent(/how many memory references/);
    expect(window.location.search).toContain('predict=1');
  });
});
