/**
 * The result of the last guest-dimension translation, as a TLB entry would keep it (SDM Vol. 3,
 * §4.10.2.2). The guest walker owns it; a walk writes it, and so does a TLB hit (the caches serve a
 * translation by filling this record, and fill a TLB entry from it) — they never touch the walker.
 * A class with fixed number fields: one hidden class, so every access to it stays monomorphic.
 */
import { NESTED_ALL } from './rights';

export class TranslationRecord {
  /** Final (host-)physical and guest-physical address. */
  pa = 0;
  gpa = 0;
  /** Levels of the leaves that mapped the page: guest 1…3, nested 1…3 (0 natively). */
  guestLeafLevel = 1;
  nestedLeafLevel = 0;
  /** Guest rights of the whole path, packed (RIGHT_* of rights.ts). */
  leafRights = 0;
  leafDirty = false;
  leafGlobal = false;
  /** Nested rights (NESTED_*) and D state of the final gPA's translation (natively: all, true). */
  finalNestedRights = NESTED_ALL;
  finalNestedDirty = true;
}
