// Exercises in the real browser: a generated problem of every kind opens from its link, checks a
// wrong and a right answer and explains; a worksheet prints its seed, problems and answer key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateProblem,
  PROBLEM_KINDS,
  walkPredictions,
  type Prediction,
} from '../../../src/engine/exercises';
import { parseScenario } from '../../../src/engine/scenario/parse';
import { runScenarioWithEvents } from '../../../src/engine/scenario/run';
import { openApp } from '../harness/app';
import { choosePreset } from '../harness/page-states';
import { check, expectText, expectVisible } from '../harness/expect';
import type { Page } from 'playwright-core';
import type { E2ETest } from '../harness/types';

const SEED = 2026;

/** The engine's questions for the first access of a preset, as predict mode asks them. */
function predictionsOf(file: string): Prediction[] {
  const text = readFileSync(join(process.cwd(), 'public/scenarios', file), 'utf8');
  return walkPredictions(runScenarioWithEvents(parseScenario(text)).events[0]!);
}

/** Fills in a prediction's fields: the engine's answer, or a wrong one in every field. */
async function answer(page: Page, p: Prediction, right: boolean): Promise<void> {
  const form = page.getByRole('form', { name: 'Your prediction' });
  for (const field of p.fields) {
    const solution = p.solution[field.id] ?? '';
    const box = form.getByLabel(field.label, { exact: true });
    if (field.format === 'choice')
      await box.selectOption(
        right ? solution : (field.choices?.find((c) => c.value !== solution)?.value ?? ''),
      );
    else await box.fill(right ? solution : field.format === 'hex' ? '0xfffff' : '99999');
  }
  await form.getByRole('button', { name: 'Check' }).click();
}

export const tests: E2ETest[] = [
  {
    name: 'predict mode: right and wrong answers are scored against the engine, steps revealed, the fault’s code asked at the end',
    fn: async (page, baseUrl) => {
      const file = 'pf-write-read-only.json';
      const predictions = predictionsOf(file);
      await openApp(page, `${baseUrl}?predict=1`);
      await choosePreset(page, file);
      const score = page.locator('.predict-score');
      const [total, step1, step2] = predictions;
      check(total?.id === 'total' && step1?.id === 'step-1' && step2?.id === 'step-2', 'questions in order');
      if (!total || !step1 || !step2) return;
      await answer(page, total, true);
      await expectText(score, 'Score: 1 of 1 right');
      await answer(page, step1, false);
      await expectText(score, 'Score: 1 of 4 right');
      await expectVisible(page.getByText(/the answer is/).first());
      await page.getByRole('button', { name: 'Reveal step 1 ▶' }).click();
      await answer(page, step2, true);
      await expectText(score, 'Score: 4 of 7 right');
      // Jump to the end: the steps in between are stepped past, then the outcome and the code are asked.
      await page.getByRole('button', { name: 'End', exact: true }).click();
      const skipped = predictions.filter((p) => p.id.startsWith('step-')).length - 2;
      await expectText(score, `Score: 4 of 7 right, ${skipped} questions stepped past`);
      const [outcome, code] = predictions.slice(-2);
      check(outcome?.id === 'outcome' && code?.id === 'error-code', 'a #PF asks for its error code');
      if (!outcome || !code) return;
      await answer(page, outcome, true);
      await answer(page, code, false);
      await expectText(score, `Score: 5 of 9 right, ${skipped} questions stepped past`);
      await expectVisible(page.getByText('The walk is over: that was every question of this translation.'));
      await expectVisible(page.getByText(`the answer is ${code.solution.errorCode}`));
    },
  },
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
