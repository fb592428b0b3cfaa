// The compare view in the real browser: reached from the walk page, the grids step together with
// the keys, the table holds the engine's counts, the link keeps the configurations and the step,
// presenter mode keeps every text at 18 px or more, and axe finds nothing critical or serious.
import { describeViolations, formatCounts, runAxe } from '../harness/axe';
import { openApp } from '../harness/app';
import { check, eventually, expectText, expectVisible } from '../harness/expect';
import { visibleTexts } from '../harness/text-sizes';
import type { E2ETest } from '../harness/types';

export const tests: E2ETest[] = [
  {
    name: 'from the walk page: native, EPT 4 KiB and EPT 2 MiB step together; the link keeps the step',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await page.getByRole('link', { name: 'Compare configurations' }).click();
      const counter = page.getByTestId('compare-counter');
      await expectText(counter, '0 / 24');
      const table = page.getByTestId('compare-table');
      await expectText(table.getByRole('row', { name: /^EPT, 4 KiB guest on 2 MiB EPT/ }), /19\s*\+15/);
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      await expectText(counter, '6 / 24');
      const native = page.getByRole('article', { name: 'Native, 4 KiB pages' });
      await expectText(native.getByTestId('compare-done'), /Finished at step 4/);
      await expectText(page.getByRole('article', { name: 'EPT, 4 KiB guest on 2 MiB EPT' }), /step 6 of 19/);
      await eventually(
        'the link to keep the step',
        async () => page.url(),
        (url) => url.includes('step=6'),
      );
      await page.reload();
      await expectText(counter, '6 / 24');
      await page.keyboard.press('End');
      await expectText(counter, '24 / 24');
      await page.getByLabel('Grid 3').selectOption('ept-1g');
      await expectText(
        table.getByRole('row', { name: /^EPT, 1 GiB guest on 1 GiB EPT/ }),
        /^EPT, 1 GiB guest on 1 GiB EPT\s*8/,
      );
      check(
        page.url().includes('compare=native-4k,ept-4k,ept-1g'),
        `the link names the grids: ${page.url()}`,
      );
    },
  },
  {
    name: 'compare in presenter mode, light and dark: no text under 18 px; axe finds nothing critical or serious',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${baseUrl}?compare=native-4k,ept-4k,ept-4k-warm&presenter=1&step=3`);
        await expectVisible(page.getByRole('article', { name: /caches warm/ }).getByText(/spared by caches/));
        const small = (await visibleTexts(page, { wholePage: true })).filter((t) => t.px < 17.95);
        check(
          small.length === 0,
          `text under 18 px: ${small
            .slice(0, 5)
            .map((t) => `${t.where} ${t.px}px "${t.text.slice(0, 30)}"`)
            .join('; ')}`,
        );
        const report = await runAxe(page);
        console.log(`    axe compare, presenter ${scheme}: ${formatCounts(report.counts)}`);
        const blocking = report.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
        check(blocking.length === 0, `critical or serious violations:\n${describeViolations(blocking)}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'compare on a phone (390×844): the grids one under the other, nothing wider than the screen',
    fn: async (page, baseUrl) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${baseUrl}?compare=native-4k,ept-4k&step=6`);
      await expectText(page.getByTestId('compare-counter'), '6 / 24');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      check(width <= 390, `the page is ${width} px wide on a 390 px screen`);
      const boxes = await page
        .getByRole('article')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      check(
        boxes.length === 2 && boxes[1]! > boxes[0]!,
        `the second grid sits under the first: ${boxes.join(', ')}`,
      );
      await page.setViewportSize({ width: 1280, height: 720 });
    },
  },
];
