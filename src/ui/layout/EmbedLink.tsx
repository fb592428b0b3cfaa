/** In embed mode, the one piece of chrome left: a link to the same view on the full page. */
import { withoutEmbed } from '../../state/embed-url';
import './embed.css';

export function EmbedLink() {
  const { pathname, search, hash } = window.location;
  return (
    <a className="embed-open" href={pathname + withoutEmbed(search) + hash} target="_blank" rel="noopener">
      Open in nestwalk ↗
    </a>
  );
}
