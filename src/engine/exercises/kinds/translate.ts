/**
 * "Translate a guest-virtual address": two guest mappings and the EPT mappings behind them; the
 * student gives the guest-physical and the host-physical address. Both come from the engine's
 * walk of the scenario.
 */
import type { Prng } from '../../workload/prng';
import type { Problem } from '../problem';
import { PROBLEM_KIND_TITLES } from '../problem';
import { PAGE_SIZES, bytesOfPageSize, pageSizeText } from '../../paging';
import {
  coveringNestedMappings,
  guestTableFrames,
  hex,
  pick,
  randomEptShape,
  randomGuestPage,
  randomHostBase,
  randomUserAddress,
  scenarioDocument,
  type GuestMappingDoc,
} from '../random-walk-scenario';
import { firstResult } from '../run-document';

export function translateProblem(prng: Prng, seed: number): Problem {
  const shape = randomEptShape(prng);
  const mappings: GuestMappingDoc[] = [];
  while (mappings.length < 2) {
    const size = pick(prng, PAGE_SIZES);
    const bytes = BigInt(bytesOfPageSize(size));
    const va = randomUserAddress(prng, false);
    // Two pages in different 1 GiB regions can never overlap, whatever their sizes.
    if (mappings.some((m) => m.va >> 30n === va >> 30n)) continue;
    mappings.push({
      va: va - (va % bytes),
      pa: randomGuestPage(prng, size, shape.nestedPage),
      size,
      flags: 'rw user',
    });
  }
  const target = mappings[prng.nextBelow(2)] as GuestMappingDoc;
  const offset = BigInt(prng.nextBelow(bytesOfPageSize(target.size)));
  const va = target.va + offset;
  const dataGpa = target.pa + Number(offset);
  const hostBase = randomHostBase(prng);
  const tableMappings = coveringNestedMappings(shape, guestTableFrames(shape, mappings), hostBase);
  const dataMappings = coveringNestedMappings(shape, [dataGpa], hostBase);
  const scenario = scenarioDocument({
    shape,
    name: 'Translate an address',
    guestMappings: mappings,
    nestedMappings: [...tableMappings, ...dataMappings],
    accesses: [{ va, kind: 'read' }],
  });
  const result = firstResult(scenario);
  const gpa = result.gpa ?? '';
  const pa = result.pa ?? '';
  const data = dataMappings[0];
  return {
    kind: 'translate',
    seed,
    title: PROBLEM_KIND_TITLES.translate,
    question: [
      `The guest's page tables map the two pages below; the EPT maps guest-physical memory as listed. A user-mode read of ${hex(va)}: which guest-physical and which host-physical address does it reach?`,
    ],
    given: [
      ...mappings.map((m) => ({
        label: `Guest page (${pageSizeText(m.size)})`,
        value: `${hex(m.va)} → gPA ${hex(m.pa)}`,
      })),
      ...(data === undefined
        ? []
        : [
            {
              label: `EPT page (${pageSizeText(data.size)})`,
              value: `gPA ${hex(data.gpa)} → hPA ${hex(data.hpa)}`,
            },
          ]),
      { label: 'Access', value: `read ${hex(va)}` },
    ],
    fields: [
      { id: 'gpa', label: 'Guest-physical address (hex)', format: 'hex' },
      { id: 'hpa', label: 'Host-physical address (hex)', format: 'hex' },
    ],
    solution: { gpa, hpa: pa },
    explanation: [
      `${hex(va)} lies ${hex(offset)} into the ${pageSizeText(target.size)} guest page at ${hex(target.va)}, which maps gPA ${hex(target.pa)}: gPA = ${hex(target.pa)} + ${hex(offset)} = ${gpa}.`,
      data === undefined
        ? ''
        : `That gPA lies ${hex(dataGpa - data.gpa)} into the ${pageSizeText(data.size)} EPT page at gPA ${hex(data.gpa)}, backed by hPA ${hex(data.hpa)}: hPA = ${pa}.`,
      'The page offset carries through both translations unchanged: only the page numbers are looked up.',
    ].filter((line) => line !== ''),
    scenario,
  };
}
