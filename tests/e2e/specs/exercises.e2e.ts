// Exercises in the real browser: a generated problem of every kind opens from its link, checks a
// wrong and a right answer and explains; a worksheet prints its seed, problems and answer key.
import { generateProblem, PROBLEM_KINDS } from '../../../src/engine/exercises';
import { openApp } from '../harness/app';
import { check, expectText, expectVisible } from '../harness/expect';
import type { E2ETest } from '../harness/types';

const SEED = 2026;

export const tests: E2ETest[] = [
  {
    name: 'every kind: the link opens the problem, a wrong answer is marked with the engine’s answer, the right one scores',
    fn: async (page, baseUrl) => {
      for (const kind of PROBLEM_KINDS) {
        const problem = generateProblem(kind, SEED);
        await openApp(page, `${baseUrl}?exercise=${kind}:${SEED}`);
        const panel = page.getByRole('region', { name: 'Exercises: check yourself' });
        const card = panel.getByRole('article', { name: problem.title });
        await expectVisible(card);
        const first = problem.fields[0];
        check(first !== undefined, `${kind}: has a field`);
        if (first === undefined) continue;
        const input = card.getByLabel(first.label, { exact: true });
        const right = problem.solution[first.id] ?? '';
        if (first.format === 'choice') {
          const wrong = first.choices?.find((c) => c.value !== right)?.value ?? '';
          await input.selectOption(wrong);
        } else await input.fill(first.format === 'hex' ? '0x1' : '99999');
        await card.getByRole('button', { name: 'Check' }).click();
        const status = panel.getByRole('status');
        await expectText(status, /^0 of \d+ right$/);
        check(
          await card
            .getByText(/the answer is/)
            .first()
            .isVisible(),
          `${kind}: shows the answer`,
        );
        check(await card.getByRole('region', { name: 'Explanation' }).isVisible(), `${kind}: explains`);
        for (const field of problem.fields) {
          const value = problem.solution[field.id] ?? '';
          const box = card.getByLabel(field.label, { exact: true });
          if (field.format === 'choice') await box.selectOption(value);
          else await box.fill(value);
        }
        await card.getByRole('button', { name: 'Check' }).click();
        await expectText(status, `${problem.fields.length} of ${problem.fields.length} right`);
      }
    },
  },
  {
    name: 'a worksheet shows its seed on the sheet and the key, with every problem and its answers',
    fn: async (page, baseUrl) => {
      await page.goto(`${baseUrl}?worksheet=${SEED}&count=9`);
      await expectVisible(page.getByText(`Seed ${SEED} · 9 problems`));
      const key = page.getByRole('region', { name: `Answer key — seed ${SEED}` });
      check((await key.locator(':scope > ol > li').count()) === 9, 'nine answers in the key');
      const pdf = await page.pdf({ format: 'A4' });
      check(pdf.length > 10_000, `the sheet prints to a PDF (${pdf.length} bytes)`);
    },
  },
];
