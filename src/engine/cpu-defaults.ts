/**
 * The default CPU configuration, once: what a scenario assumes for each CPU field it leaves out
 * (docs/scenario-format.md), and the base every built-in machine (experiments, bench, the
 * concrete-walk builder) starts from, overriding only what it means to differ.
 */
import type { CpuConfig } from './vocabulary';

/** Physical-address width M when a scenario gives none. */
export const DEFAULT_MAX_PHY_ADDR = 46;

/** CR0.WP on, EFER.NXE on, every optional CR4 feature off, CPL 0, no PCID or VPID. */
export const DEFAULT_CPU: CpuConfig = {
  cr3: 0,
  wp: true,
  la57: false,
  smep: false,
  smap: false,
  pcide: false,
  pge: false,
  nxe: true,
  cpl: 0,
  maxPhyAddr: DEFAULT_MAX_PHY_ADDR,
  vpid: 0,
};
