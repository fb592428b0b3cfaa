/**
 * How long a link may be (docs/robustness.md, "Links too long to share"). Browsers and the places
 * links are pasted into (chat, mail, issue trackers) cut or refuse very long addresses; 32 KiB of
 * hash opens everywhere we know of. A scenario whose compressed link is longer is offered as a file.
 */
import type { AppError } from './app-state';

export const MAX_LINK_CHARS = 32 * 1024;

export const linkFits = (hash: string): boolean => hash.length <= MAX_LINK_CHARS;

const kib = (chars: number): string => `${Math.ceil(chars / 1024)} KiB`;

/** The banner for a scenario whose link has `chars` characters. */
export const linkTooLong = (chars: number): AppError => ({
  kind: 'too-long',
  message:
    `This scenario is too large for a link: compressed it takes ${kib(chars)}, ` +
    `and links longer than ${kib(MAX_LINK_CHARS)} may not open. The address bar no longer holds it.`,
  paths: [],
  note: 'Nothing was lost: the scenario is still on screen. To share it, download it as a file.',
});
