// Step → paint in Chromium: presses → through the default 24-reference walk, 10 rounds, and times
// each step in the page from the keydown to the first animation frame after the counter changed
// (the frame that paints it), and to the frame after that (rAF ×2: the paint is done).
//
//   node --import tsx tests/e2e/measure-step-paint.ts [--no-build] [--rounds N] [--presenter] [--preset file.json]
//
// Goal: p95 of keydown → frame under 16 ms.
import { openApp } from './harness/app';
import { installStepProbe, stepRound, summary } from './harness/step-probe';
import { serveApp } from './harness/serve';

interface Args {
  noBuild: boolean;
  rounds: number;
  presenter: boolean;
  preset?: string;
  /** Print where the main thread's time goes (CPU profile of the measured rounds, unminified build). */
  profile: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { noBuild: false, rounds: 10, presenter: false, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') args.noBuild = true;
    else if (arg === '--presenter') args.presenter = true;
    else if (arg === '--profile') args.profile = true;
    else if (arg === '--rounds') args.rounds = Number(argv[++i]);
    else if (arg === '--preset') args.preset = argv[++i];
    else throw new Error(`measure: unknown argument ${arg}`);
  }
  return args;
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time per function, and total (inclusive) time per function, heaviest first. */
function printProfile(profile: CpuProfile): void {
  const self = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)),
  );
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const name = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.split('/').pop() || '';
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  const selfBy = new Map<string, number>();
  for (const [id, us] of self) selfBy.set(name(id), (selfBy.get(name(id)) ?? 0) + us);
  const total = new Map<string, number>();
  const inclusive = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id)!;
    let sum = self.get(id) ?? 0;
    for (const child of node.children ?? []) sum += inclusive(child, new Set([...onStack, name(id)]));
    if (!onStack.has(name(id))) total.set(name(id), (total.get(name(id)) ?? 0) + sum);
    return sum;
  };
  inclusive(profile.nodes[0]!.id, new Set());
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  console.log('self time:');
  console.log(top(selfBy, 25).join('\n'));
  console.log('total time:');
  console.log(top(total, 30).join('\n'));
  // Components (and hooks) by name: what re-renders, and what it costs in all.
  const components = new Map([...total].filter(([k]) => /^(use)?[A-Z]\w+ /.test(k)));
  console.log('components and hooks (total):');
  console.log(top(components, 30).join('\n'));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const app = await serveApp({ noBuild: args.noBuild, noMinify: args.profile });
  try {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await openApp(page, app.baseUrl);
    if (args.preset) {
      await page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption(args.preset);
      await page.waitForTimeout(1000);
    }
    if (args.presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
    const text = (await page.getByLabel('Memory references', { exact: true }).textContent()) ?? '';
    const total = Number(/\/\s*(\d+)/.exec(text)?.[1] ?? NaN);
    await page.evaluate(installStepProbe);
    await page.locator('body').click({ position: { x: 2, y: 2 } }); // keys go to the page, not a control
    type Sample = { commit: number; frame: number; painted: number };
    const take = () =>
      page.evaluate(() => {
        const w = window as unknown as { __samples: Sample[] };
        const taken = w.__samples;
        w.__samples = [];
        return taken;
      });
    await stepRound(page, total); // warm-up: first renders, JIT
    await take();
    for (let r = 0; r < 2; r++) await stepRound(page, total, 'b');
    const floor = await take();
    const cdp = args.profile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    for (let r = 0; r < args.rounds; r++) await stepRound(page, total);
    const samples = await take();
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
    console.log(
      `step → paint, ${samples.length} steps (${args.rounds} rounds × ${total}), 1280×720${args.presenter ? ', presenter' : ''}${args.preset ? `, ${args.preset}` : ''}, Chromium ${app.browser.version()}`,
    );
    const line = (label: string, of: readonly Sample[], pick: (s: Sample) => number) =>
      console.log(summary(label, of.map(pick)));
    line('keydown → DOM updated (commit)', samples, (s) => s.commit);
    line('keydown → next frame (rAF)', samples, (s) => s.frame);
    line('keydown → frame after (rAF ×2)', samples, (s) => s.painted);
    console.log(`floor: the same timing for a bare DOM change, no app work (${floor.length} presses)`);
    line('  keydown → next frame (rAF)', floor, (s) => s.frame);
    line('  keydown → frame after (rAF ×2)', floor, (s) => s.painted);
    await context.close();
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
