// "What to notice": each preset's teaching point on screen (presenter mode too); an edit marks the
// preset modified with the edited walk's own point and a "Revert to preset"; a built walk and a
// symbolic 1 × 1 walk get generated points.
import type { Page } from 'playwright-core';
import { expectCounter, openApp } from '../harness/app';
import { check, eventually, expectText, expectVisible } from '../harness/expect';
import { choosePreset } from '../harness/page-states';
import type { E2ETest } from '../harness/types';

const notice = (page: Page) => page.getByRole('region', { name: /What to notice/ });
const revert = (page: Page) => notice(page).getByRole('button', { name: 'Revert to preset' });
const accessKind = (page: Page) => page.getByRole('combobox', { name: 'Access kind', exact: true });

export const tests: E2ETest[] = [
  {
    name: 'what to notice: every preset shows its point, in presenter mode too',
    fn: async (page, baseUrl) => {
      await openApp(page, `${baseUrl}?presenter=1`);
      await expectText(
        notice(page),
        /4·4 \+ 4 \+ 4 = 24 memory references for one TLB miss, against 4 natively/,
      );
      const box = await notice(page).boundingBox();
      check(
        box !== null && box.y + box.height <= 720,
        'the point is on screen at 1280×720 in presenter mode',
      );
      await choosePreset(page, 'guest-4k-on-ept-2m.json');
      await expectText(notice(page), /every EPT walk stops at the EPT PD \(m = 3\)/);
      check((await revert(page).count()) === 0, 'an unedited preset offers no revert');
    },
  },
  {
    name: 'what to notice: an edit marks the preset modified; Revert to preset brings it back',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await accessKind(page).selectOption('write');
      await expectText(notice(page), /^What to notice\s*modified/);
      await expectText(notice(page), /You changed “Default: 4-level guest on 4-level EPT”/);
      await revert(page).click();
      await expectText(notice(page), /against 4 natively\.$/);
      await eventually(
        'the access kind back to read',
        () => accessKind(page).inputValue(),
        (v) => v === 'read',
      );
      check(!/modified/.test(await notice(page).innerText()), 'no modified mark after the revert');
      check((await revert(page).count()) === 0, 'no revert after the revert');
    },
  },
  {
    name: 'what to notice: a built walk and a symbolic 1 × 1 walk get generated points',
    fn: async (page, baseUrl) => {
      await openApp(page, baseUrl);
      await page.getByRole('combobox', { name: 'Guest page size', exact: true }).selectOption('2M');
      await expectCounter(page, 0, 19, 10_000);
      await expectText(notice(page), /3 guest reads \+ 4 EPT walks × 4 = 19 memory references/);
      for (const name of ['Guest levels (n)', 'EPT levels (m)']) {
        await page.getByRole('slider', { name, exact: true }).focus();
        await page.keyboard.press('Home');
      }
      await expectCounter(page, 0, 3, 10_000);
      await expectText(notice(page), /A thought experiment: no real CPU has a 1-level guest table/);
      await expectVisible(notice(page).getByText(/= 512 GiB/));
    },
  },
];
