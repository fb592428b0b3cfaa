/**
 * Named bit masks of paging-structure entries. Entries are handled as two unsigned 32-bit halves:
 * masks named *_LO apply to bits 31:0, *_HI to bits 63:32.
 */

export const TWO_32 = 0x1_0000_0000;
export const PAGE_4K = 0x1000;
export const PAGE_2M = 0x20_0000;
export const PAGE_1G = 0x4000_0000;

// --- Ordinary (IA-32e / 4- and 5-level) paging entries — SDM Vol. 3, §4.5, Tables 4-14…4-20 ---
export const PTE_P = 0b0000_0000_0001; // bit 0 present
export const PTE_RW = 0b0000_0000_0010; // bit 1 read/write
export const PTE_US = 0b0000_0000_0100; // bit 2 user/supervisor
export const PTE_PWT = 0b0000_0000_1000; // bit 3
export const PTE_PCD = 0b0000_0001_0000; // bit 4
export const PTE_A = 0b0000_0010_0000; // bit 5 accessed
export const PTE_D = 0b0000_0100_0000; // bit 6 dirty (leaves)
export const PTE_PS = 0b0000_1000_0000; // bit 7 page size (PDPTE → 1 GiB, PDE → 2 MiB)
export const PTE_G = 0b0001_0000_0000; // bit 8 global (leaves)
export const PTE_PAT_4K = PTE_PS; // bit 7 is PAT in a 4 KiB PTE
export const PTE_PAT_LARGE = 0x1000; // bit 12 is PAT in a 2 MiB / 1 GiB leaf
export const PTE_XD_HI = 0x8000_0000; // bit 63 execute-disable
export const PTE_PKEY_HI = 0x7800_0000; // bits 62:59 protection key (leaves, with CR4.PKE)

/** #PF error code — SDM Vol. 3, §4.7. */
export const PFEC_P = 1 << 0;
export const PFEC_WR = 1 << 1;
export const PFEC_US = 1 << 2;
export const PFEC_RSVD = 1 << 3;
export const PFEC_ID = 1 << 4;
export const PFEC_PK = 1 << 5;

// --- EPT paging-structure entries — SDM Vol. 3, §29.3.2, Tables 29-1…29-6 ---
export const EPT_R = 0b001; // bit 0 read
export const EPT_W = 0b010; // bit 1 write
export const EPT_X = 0b100; // bit 2 execute (supervisor-mode execute with mode-based control)
export const EPT_RWX = 0b111;
export const EPT_MEMTYPE = 0b11_1000; // bits 5:3 memory type (leaves)
export const EPT_MEMTYPE_SHIFT = 3;
export const EPT_IGNORE_PAT = 0b100_0000; // bit 6 (leaves)
export const EPT_PS = 0b1000_0000; // bit 7 large page (PDPTE → 1 GiB, PDE → 2 MiB)
export const EPT_A = 0x100; // bit 8 accessed (with EPTP bit 6)
export const EPT_D = 0x200; // bit 9 dirty (leaves, with EPTP bit 6)
export const EPT_UX = 0x400; // bit 10 user-execute (mode-based execute control)
export const EPT_SVE_HI = 0x8000_0000; // bit 63 suppress #VE
/** Bits 6:3 of a non-leaf EPT entry are reserved (§29.3.2). */
export const EPT_NONLEAF_RSVD = 0b111_1000;
/** Bits 7:3 of an EPT PML4E / PML5E are reserved. */
export const EPT_TOP_RSVD = 0b1111_1000;

/** EPTP fields — SDM Vol. 3, §25.6.11. */
export const EPTP_MEMTYPE = 0b111; // bits 2:0
export const EPTP_WALK_LENGTH = 0b11_1000; // bits 5:3 = levels − 1
export const EPTP_WALK_LENGTH_SHIFT = 3;
export const EPTP_AD = 0b100_0000; // bit 6 enables EPT accessed/dirty flags
export const EPTP_RESERVED = 0xf80; // bits 11:7 must be 0 (docs/hardware-rules.md §2)

/** EPT-violation exit qualification — SDM Vol. 3, §28.2.1, Table 28-7. */
export const EXITQ_READ = 1 << 0;
export const EXITQ_WRITE = 1 << 1;
export const EXITQ_FETCH = 1 << 2;
export const EXITQ_READABLE = 1 << 3;
export const EXITQ_WRITABLE = 1 << 4;
export const EXITQ_EXECUTABLE = 1 << 5;
export const EXITQ_USER_EXECUTABLE = 1 << 6;
export const EXITQ_LINEAR_VALID = 1 << 7;
export const EXITQ_FINAL_TRANSLATION = 1 << 8;

/** AMD #NPF EXITINFO1 high bits — AMD APM Vol. 2, §15.25.6. */
export const NPF_FINAL_TRANSLATION = 2 ** 32; // bit 32
export const NPF_GUEST_TABLE = 2 ** 33; // bit 33

/** EPT memory types valid on a leaf (§29.3.7): 0 UC, 1 WC, 4 WT, 5 WP, 6 WB; 2, 3, 7 misconfigure. */
export const EPT_MEMTYPE_NAMES = ['UC', 'WC', '2', '3', 'WT', 'WP', 'WB', '7'] as const;
export const isValidEptMemoryType = (type: number): boolean => type !== 2 && type !== 3 && type !== 7;

/** Mask of the address bits 51:32 below MAXPHYADDR, as applied to the high half of an entry. */
export const addressMaskHi = (maxPhyAddr: number): number =>
  maxPhyAddr >= 52 ? 0xf_ffff : (1 << (maxPhyAddr - 32)) - 1;
/** Bits 51:M of the high half: set in an entry, they are reserved. */
export const reservedAboveMaxPhyHi = (maxPhyAddr: number): number => 0xf_ffff & ~addressMaskHi(maxPhyAddr);

/** The physical address held in bits M−1:12 of an entry. */
export const entryAddress = (lo: number, hi: number, maskHi: number): number =>
  (hi & maskHi) * TWO_32 + ((lo & 0xffff_f000) >>> 0);

/** Low address bits that must be 0 in a 1 GiB / 2 MiB EPT leaf (SDM §29.3.2, Tables 29-3, 29-5). */
export const EPT_LARGE_LEAF_RSVD_1G = 0x3fff_f000;
export const EPT_LARGE_LEAF_RSVD_2M = 0x001f_f000;
