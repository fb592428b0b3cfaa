/** The preset scenarios shipped in public/scenarios, fetched relative to the page. */
export interface PresetInfo {
  readonly file: string;
  readonly name: string;
  readonly description: string;
}

const scenarioUrl = (file: string): URL => new URL(`scenarios/${file}`, document.baseURI);

async function fetchJson(url: URL, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error(`Could not fetch ${what}: the network request failed.`);
  }
  if (!response.ok) throw new Error(`Could not fetch ${what}: HTTP ${response.status}.`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${what} is not valid JSON.`);
  }
}

const isPreset = (value: unknown): value is PresetInfo =>
  typeof value === 'object' && value !== null && typeof (value as PresetInfo).file === 'string';

export async function fetchPresetIndex(): Promise<PresetInfo[]> {
  const index = await fetchJson(scenarioUrl('index.json'), 'the preset list (scenarios/index.json)');
  if (!Array.isArray(index)) throw new Error('scenarios/index.json is not a list of presets.');
  return index
    .filter(isPreset)
    .map((p) => ({ file: p.file, name: p.name ?? p.file, description: p.description ?? '' }));
}

export const fetchPreset = (file: string): Promise<unknown> =>
  fetchJson(scenarioUrl(file), `scenarios/${file}`);
