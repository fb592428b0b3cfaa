/** A single linear page table against the multi-level tree one translation reads (docs/tour.md). */
import { bytesLabel, linearVsTree } from '../../engine';

export function LinearVsTreeTable() {
  const rows = linearVsTree();
  return (
    <figure className="tour-figure panel" data-testid="figure-linear-vs-tree">
      <figcaption>
        <b>Linear vs multi-level page tables</b>, 4 KiB pages, 8-byte entries
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col">linear address</th>
            <th scope="col">one linear table, per process</th>
            <th scope="col">tree: levels read per translation</th>
            <th scope="col">tree: table bytes read</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.width}>
              <th scope="row">{r.width} bits</th>
              <td>{bytesLabel(r.linearBytes)}</td>
              <td>{r.levels}</td>
              <td>{bytesLabel(r.treeTouchedBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
