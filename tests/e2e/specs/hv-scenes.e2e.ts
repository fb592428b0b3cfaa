// The hypervisor's side in the real browser: reached from the walk page, stepped with buttons and
// keys, its counts the engine's run of the scene, its position kept in the link, every scene
// accessible.
import type { Page } from 'playwright-core';
import { HV_SCENES, hvSceneById, parseHvScript, runHvScript } from '../../../src/engine/hv';
import { describeViolations, formatCounts, runAxe } from '../harness/axe';
import { openApp } from '../harness/app';
import { check, eventually, expectText, expectVisible } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const position = (page: Page) => page.getByLabel('Scene position', { exact: true });

function totalExits(id: string, mode: 'shadow' | 'ept'): number {
  const parsed = parseHvScript(hvSceneById(id)?.script);
  if (!parsed.ok) throw new Error(`scene ${id} does not parse`);
  const run = runHvScript(parsed.script, mode);
  if (!run.ok) throw new Error(`scene ${id} does not run`);
  return run.report.totals.exitCount;
}

export const tests: E2ETest[] = [
  {
    name: 'from the walk page to the context-switch scene: End shows the engine’s exit totals, the link keeps the step',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await page.getByRole('link', { name: 'The hypervisor’s side' }).click();
      await expectText(position(page), /^event 0 \/ \d+/);
      await page.getByRole('button', { name: /^Step forward/ }).click();
      await expectText(position(page), /^event 1 \//);
      await page.keyboard.press('End');
      const [, events] = /\/ (\d+)/.exec(await expectText(position(page), /^event (\d+) \/ \1/)) ?? [];
      const allExits = page.getByRole('row', { name: /^all exits/ });
      const shadow = totalExits('context-switch', 'shadow');
      const ept = totalExits('context-switch', 'ept');
      await expectText(allExits, new RegExp(`${shadow} / ${shadow}.*${ept} / ${ept}`));
      await eventually(
        'the link to hold the step',
        async () => page.url(),
        (url) => url.includes(`step=${events}`),
      );
      await page.reload();
      await expectText(position(page), new RegExp(`^event ${events} / ${events}`));
      await page.keyboard.press('Home');
      await expectText(position(page), /^event 0 \//);
    },
  },
  {
    name: 'every scene opens from its link with its What-to-notice text and no page error; axe finds nothing critical or serious',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      for (const scene of HV_SCENES) {
        // With predict mode on, so its question is checked in every scene too.
        await page.goto(`${baseUrl}?hv=${scene.id}&step=3&predict=1`);
        // Mid-event (the memory scenes step inside events) there is no question, only the panel.
        await expectVisible(page.getByRole('region', { name: 'Predict, then step' }));
        await expectVisible(page.getByRole('heading', { name: scene.title, exact: true }));
        await expectVisible(page.getByText(scene.whatToNotice));
        await expectText(position(page), /^event \d+ \/ \d+/);
        const report = await runAxe(page);
        console.log(`    axe hv=${scene.id}: ${formatCounts(report.counts)}`);
        const blocking = report.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
        check(
          blocking.length === 0,
          `${scene.id}: critical or serious violations:\n${describeViolations(blocking)}`,
        );
      }
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
      await page.goto(`${baseUrl}?hv=no-such-scene`);
      await expectText(page.getByRole('alert'), 'There is no scene “no-such-scene”.');
    },
  },
];
