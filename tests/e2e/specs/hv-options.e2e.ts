// The scenes page's run options, a reader's own script and presenter mode in the real browser:
// the pointer chase from a cold start and a warm guest with the engine's counts, AMD NPT's names,
// a bad script refused with its events named, and no text under 18 px at 1280×720 in presenter
// mode.
import type { Page } from 'playwright-core';
import {
  HV_SCENES,
  compareHvModes,
  hvSceneById,
  parseHvScript,
  withStart,
  type HvStart,
} from '../../../src/engine/hv';
import { check, eventually, expectText, expectVisible } from '../harness/expect';
import { visibleTexts } from '../harness/text-sizes';
import type { E2ETest } from '../harness/types';

const position = (page: Page) => page.getByLabel('Scene position', { exact: true });
const allExits = (page: Page) => page.getByRole('row', { name: /^all exits/ });
const ownVm = {
  id: 'vm1',
  ram: { hva: '0x7f00_0000_0000', size: '0x40_0000' },
  processes: [{ name: 'a', cr3: '0x10_0000', mappings: [{ va: '0x40_0000', gpa: '0x20_0000' }] }],
};

function exits(id: string, start: HvStart) {
  const parsed = parseHvScript(hvSceneById(id)?.script);
  if (!parsed.ok) throw new Error(`scene ${id} does not parse`);
  const both = compareHvModes(withStart(parsed.script, start));
  if (!both.ok) throw new Error(`scene ${id} does not run`);
  return { shadow: both.shadow.totals.exitCount, tdp: both.tdp.totals.exitCount };
}

export const tests: E2ETest[] = [
  {
    name: 'hv options: the pointer chase warm then cold shows the engine’s exits, the link keeps start=cold and nested=npt',
    fn: async (page, baseUrl) => {
      await page.goto(`${baseUrl}?hv=pointer-chase`);
      await expectText(position(page), /^event 0 \/ 48/);
      await page.keyboard.press('End');
      const warm = exits('pointer-chase', 'warm');
      await expectText(
        allExits(page),
        new RegExp(`${warm.shadow} / ${warm.shadow}.*${warm.tdp} / ${warm.tdp}`),
      );
      await expectText(page.getByText(/^Estimated cycles for the whole run/), /shadow paging is cheaper by/);
      await page.getByRole('combobox', { name: 'Start' }).selectOption('cold');
      const cold = exits('pointer-chase', 'cold');
      await expectText(
        allExits(page),
        new RegExp(`${cold.shadow} / ${cold.shadow}.*${cold.tdp} / ${cold.tdp}`),
      );
      await page.getByRole('combobox', { name: 'Nested paging' }).selectOption('npt');
      await expectVisible(page.getByRole('columnheader', { name: 'NPT', exact: true }));
      await expectVisible(page.getByRole('row', { name: /^#VMEXIT\(NPF\)/ }));
      await eventually(
        'the link to hold start and nested paging',
        async () => page.url(),
        (url) => url.includes('start=cold') && url.includes('nested=npt') && url.includes('step=48'),
      );
      await page.reload();
      await expectText(allExits(page), new RegExp(`${cold.tdp} / ${cold.tdp}`));
      await expectVisible(page.getByRole('columnheader', { name: 'NPT', exact: true }));
    },
  },
  {
    name: 'hv options: the KSM scene under NPT shows both VMs’ nCR3s',
    fn: async (page, baseUrl) => {
      await page.goto(`${baseUrl}?hv=ksm&nested=npt`);
      await expectVisible(page.getByText(/nCR3 0x[0-9a-f]+/).nth(1));
    },
  },
  {
    name: 'hv own script: a bad script lists its events and leaves the scene; a good one runs in both modes',
    fn: async (page, baseUrl) => {
      await page.goto(`${baseUrl}?hv=context-switch&step=2`);
      await page.getByText('Run your own script').click();
      const vm = {
        id: 'vm1',
        ram: { hva: '0x7f00_0000_0000', size: '0x40_0000' },
        processes: [{ name: 'a', cr3: '0x10_0000', mappings: [{ va: '0x40_0000', gpa: '0x20_0000' }] }],
      };
      const bad = JSON.stringify({
        vms: [vm],
        events: [
          { kind: 'switch', process: 'zz' },
          { kind: 'access', vm: 'vm9', va: '0x1000' },
          { kind: 'map', va: '0x1000', gpa: '0x9000_0000' },
        ],
      });
      await page.getByLabel('Script', { exact: true }).fill(bad);
      await page.getByRole('button', { name: 'Run in both modes' }).click();
      const alert = page.getByRole('alert');
      await expectText(alert, /event 0 \(switch\).*unknown process "zz"/);
      await expectText(alert, /event 1 \(access\).*"vm9", which does not exist/);
      await expectText(alert, /event 2 \(map\).*outside guest RAM/);
      await expectText(position(page), /^event 2 \//);
      check(
        (await page.getByLabel('Script', { exact: true }).inputValue()) === bad,
        'the text typed is kept',
      );
      await page
        .getByLabel('Script', { exact: true })
        .fill(JSON.stringify({ name: 'one read', vms: [vm], events: [{ kind: 'access', va: '0x40_0000' }] }));
      await page.getByRole('button', { name: 'Run in both modes' }).click();
      await expectVisible(page.getByRole('heading', { name: 'Your script: one read' }));
      await expectText(position(page), /^event 0 \/ 1/);
    },
  },
  {
    name: 'hv own script link: a script that ran is in the link, comes back on reload at its step; a damaged one says so',
    fn: async (page, baseUrl) => {
      await page.goto(`${baseUrl}?hv=context-switch`);
      await page.getByText('Run your own script').click();
      const text = JSON.stringify(
        {
          name: 'two reads',
          vms: [ownVm],
          events: [
            { kind: 'access', va: '0x40_0000' },
            { kind: 'access', va: '0x40_0000', op: 'write' },
          ],
        },
        null,
        1,
      );
      await page.getByLabel('Script', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Run in both modes' }).click();
      await expectVisible(page.getByRole('heading', { name: 'Your script: two reads' }));
      await page.keyboard.press('ArrowRight');
      await eventually(
        'the link to hold the script and the step',
        async () => page.url(),
        (url) => /\?hv=own-script&step=1#script=[A-Za-z0-9_-]+$/.test(url),
      );
      await page.reload();
      await expectVisible(page.getByRole('heading', { name: 'Your script: two reads' }));
      await expectText(position(page), /^event 1 \/ 2/);
      await page.getByText('Run your own script').click();
      check(
        (await page.getByLabel('Script', { exact: true }).inputValue()) === text,
        'the text comes back as typed',
      );
      const damaged = page.url().replace(/#script=.{12}/, '#script=');
      await page.goto(damaged);
      await page.reload();
      await expectText(page.getByRole('alert'), /Link problem\.\s*The script in this link is damaged/);
      check(page.url() === damaged, 'the damaged link stays in the address bar');
    },
  },
  {
    name: 'hv own script link: a script too large for a link says so and offers the file',
    fn: async (page, baseUrl) => {
      await page.goto(`${baseUrl}?hv=context-switch&step=2`);
      await page.getByText('Run your own script').click();
      // Letters from a fixed xorshift sequence: text deflate cannot shrink below the link cap.
      let x = 12345;
      const description = Array.from({ length: 60_000 }, () => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return String.fromCharCode(97 + ((x >>> 0) % 26));
      }).join('');
      const text = JSON.stringify({
        name: 'big',
        description,
        vms: [ownVm],
        events: [{ kind: 'access', va: '0x40_0000' }],
      });
      await page.getByLabel('Script', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Run in both modes' }).click();
      await expectVisible(page.getByRole('heading', { name: 'Your script: big' }));
      const alert = page.getByRole('alert');
      await expectText(
        alert,
        /Too large for a link\.\s*Your script is too large for a link: compressed it takes \d+ KiB.*32 KiB/,
      );
      check(page.url().endsWith('?hv=context-switch'), `the address bar keeps the scene: ${page.url()}`);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download script file' }).click();
      check((await download).suggestedFilename() === 'big.json', 'the file is named after the script');
    },
  },
  {
    name: 'hv presenter: every scene at 1280×720 in presenter mode has no visible text under 18 px',
    timeoutMs: 60_000,
    fn: async (page, baseUrl) => {
      for (const scene of HV_SCENES) {
        await page.goto(`${baseUrl}?hv=${scene.id}&step=3&presenter=1`);
        await expectVisible(page.getByRole('heading', { name: scene.title, exact: true }));
        const small = (await visibleTexts(page, { wholePage: true })).filter((t) => t.px < 17.95);
        check(
          small.length === 0,
          `${scene.id}: text under 18 px: ${small
            .slice(0, 5)
            .map((t) => `${t.where} ${t.px}px "${t.text.slice(0, 30)}"`)
            .join('; ')}`,
        );
      }
    },
  },
];
