/** Plain sentences for guest permission faults (events and narration only, never the hot path). */
const ACCESS_WORDS = ['read', 'write', 'instruction fetch'];

export function describeGuestPermissionFault(rule: number, kind: number, cpl: number): string {
  const who = cpl === 3 ? 'user-mode' : 'supervisor-mode';
  const access = `${who} ${ACCESS_WORDS[kind] ?? 'access'}`;
  switch (rule) {
    case 1:
      return `${access} to a supervisor page (U/S = 0 on the path)`;
    case 2:
      return `${access} to a read-only page (R/W = 0 on the path${cpl === 3 ? '' : ', CR0.WP = 1'})`;
    case 3:
      return `${access} from a no-execute page (XD = 1 on the path)`;
    case 4:
      return `${access} from a user page with SMEP on`;
    default:
      return `${access} to a user page with SMAP on (EFLAGS.AC = 0)`;
  }
}
