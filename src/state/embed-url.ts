/**
 * Embed mode (`?embed=1`): one walk, scene or tour stop with the page's chrome left out, for an
 * iframe in course pages and slides (docs/exercises.md, "Embedding"). Other parameters are kept.
 */
export const EMBED_PARAM = 'embed';

export function embedFromSearch(search: string): boolean {
  const value = new URLSearchParams(search).get(EMBED_PARAM);
  return value === '1' || value === 'true';
}

/** `search` without embed mode: the same view with the whole page around it. */
export function withoutEmbed(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(EMBED_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}
