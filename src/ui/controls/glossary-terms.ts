/** The abbreviations the walk views use, each in a sentence a student can take away. */
export interface GlossaryTerm {
  readonly term: string;
  readonly expansion: string;
  readonly meaning: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    term: 'gVA',
    expansion: 'guest virtual (linear) address',
    meaning:
      'The address a program inside the virtual machine uses. The guest’s own page tables translate it.',
  },
  {
    term: 'gPA',
    expansion: 'guest-physical address',
    meaning:
      'What the guest believes is physical memory. Every gPA — including the address of each guest page-table entry — must be translated again by the EPT (or NPT).',
  },
  {
    term: 'hPA',
    expansion: 'host-physical address',
    meaning: 'The real RAM address the memory controller sees: the end of both dimensions of the walk.',
  },
  {
    term: 'EPT',
    expansion: 'Extended Page Tables (Intel)',
    meaning:
      'The hypervisor’s page tables that map gPA → hPA. The hardware walks them for every guest-physical address it needs.',
  },
  {
    term: 'NPT',
    expansion: 'Nested Page Tables (AMD)',
    meaning: 'AMD’s counterpart of EPT, in the ordinary page-table format, rooted at nCR3 in the VMCB.',
  },
  {
    term: 'EPTP',
    expansion: 'EPT pointer',
    meaning:
      'The VMCS field that locates the top EPT table and sets the EPT walk length, memory type and whether EPT sets accessed / dirty flags.',
  },
  {
    term: 'TLB',
    expansion: 'translation lookaside buffer',
    meaning:
      'A cache of finished translations (page → frame with its permissions). A hit needs no page walk at all.',
  },
  {
    term: 'STLB',
    expansion: 'second-level (shared) TLB',
    meaning: 'The larger, slower TLB behind the first-level data and instruction TLBs.',
  },
  {
    term: 'PWC',
    expansion: 'paging-structure (page-walk) cache',
    meaning:
      'Caches upper-level table entries, so a walk that misses the TLB can start at a lower level and skip references.',
  },
  {
    term: 'VPID',
    expansion: 'virtual-processor identifier',
    meaning:
      'Tags cached translations with the virtual CPU they belong to, so VM entries and exits need not flush the TLB.',
  },
  {
    term: 'PCID',
    expansion: 'process-context identifier',
    meaning:
      'Tags cached translations with an address space, so a MOV to CR3 that switches processes need not flush them.',
  },
];
