/** One sentence per script event, for timelines and the CLI. */
import { formatLinear } from '../address';
import { hexOf } from '../scenario/hex';
import type { HvEvent } from './script-types';

export function describeEvent(event: HvEvent): string {
  switch (event.kind) {
    case 'switch':
      return `${event.vm}: switch to process ${event.process} (MOV to CR3)`;
    case 'access':
      return `${event.vm}: ${event.op} ${formatLinear(event.va)}${event.value !== undefined ? ` = "${event.value}"` : ''}`;
    case 'map':
      return `${event.vm}: map ${formatLinear(event.va)} → gPA ${hexOf(event.gpa)}${event.writable ? '' : ' (read-only)'}`;
    case 'unmap':
      return `${event.vm}: unmap ${formatLinear(event.va)}`;
    case 'invlpg':
      return `${event.vm}: INVLPG ${formatLinear(event.va)}`;
    case 'emulate':
      return `${event.vm}: emulate the instruction at ${formatLinear(event.va)}`;
    case 'swap-out':
      return `host: swap out ${event.vm}'s gPA ${hexOf(event.gpa)}`;
    case 'ksm-merge':
      return `host: KSM merges ${event.pages.map((p) => `${p.vm}:${hexOf(p.gpa)}`).join(', ')}`;
    case 'thp':
      return `host: transparent huge pages ${event.on ? 'on' : 'off'}`;
  }
}
