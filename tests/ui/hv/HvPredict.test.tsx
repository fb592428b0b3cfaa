// Predict mode in a hypervisor scene: before each event, the exits in both modes and the first
// one's reason; a right answer scores, a wrong one shows the runs' truth; Reveal event steps on.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compareHvModes, parseHvScript, hvSceneById } from '../../../src/engine';
import { HvScene } from '../../../src/ui/hv/HvScene';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('hv predict mode', () => {
  it('asks per event, scores against the two runs, and reveals the event', async () => {
    const parsed = parseHvScript(hvSceneById('context-switch')!.script);
    if (!parsed.ok) throw new Error('does not parse');
    const both = compareHvModes(parsed.script);
    if (!both.ok) throw new Error('does not run');
    const user = userEvent.setup();
    render(<HvScene sceneId="context-switch" />);
    await user.click(screen.getByRole('checkbox', { name: /Predict mode/ }));
    const form = () => screen.getByRole('form', { name: 'Your prediction' });
    expect(form()).toHaveTextContent(`Event 1: ${both.tdp.events[0]!.text}`);

    // Event 1 answered from the runs themselves: 4 of 4.
    const first = both.shadow.events[0]!;
    await user.type(within(form()).getByLabelText('Exits in shadow mode'), String(first.exits.length));
    await user.selectOptions(
      within(form()).getByLabelText('First exit in shadow mode'),
      first.exits[0] ?? 'none',
    );
    await user.type(
      within(form()).getByLabelText('Exits under EPT'),
      String(both.tdp.events[0]!.exits.length),
    );
    await user.selectOptions(within(form()).getByLabelText('First exit under EPT'), 'none');
    await user.click(within(form()).getByRole('button', { name: 'Check' }));
    expect(document.querySelector('.predict-score')).toHaveTextContent('Score: 4 of 4 right');
    await user.click(screen.getByRole('button', { name: 'Reveal event 1 ▶' }));
    expect(screen.getByLabelText('Scene position')).toHaveTextContent(`event 1 / ${both.tdp.events.length}`);

    // Event 2 answered wrong: the marks give the truth.
    await user.type(within(form()).getByLabelText('Exits in shadow mode'), '99');
    await user.click(within(form()).getByRole('button', { name: 'Check' }));
    expect(document.querySelector('.predict-score')).toHaveTextContent('Score: 4 of 8 right');
    const checked = screen.getByRole('region', { name: 'Checked: Event 2' });
    expect(checked).toHaveTextContent(`the answer is ${both.shadow.events[1]!.exits.length}`);
  });
});
