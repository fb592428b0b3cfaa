/** Which configurations to compare: native paging, and each guest page size on each EPT page size. */
import {
  CONFIGURATIONS,
  PAGE_SIZES,
  pageSizeText,
  type ConfigurationId,
} from '../../state/sweep-configurations';
import { useSweep } from './sweep-store-context';

const COLUMNS = [null, ...PAGE_SIZES] as const;

export function ConfigurationPicker() {
  const selected = useSweep((s) => s.settings.configurations);
  const toggle = useSweep((s) => s.toggleConfiguration);
  return (
    <fieldset className="configuration-picker">
      <legend>Configurations</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">guest pages</th>
            {COLUMNS.map((ept) => (
              <th scope="col" key={ept ?? 'native'}>
                {ept === null ? 'native' : `EPT ${pageSizeText(ept)}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PAGE_SIZES.map((guest) => (
            <tr key={guest}>
              <th scope="row">{pageSizeText(guest)}</th>
              {COLUMNS.map((ept) => {
                const id: ConfigurationId = ept === null ? `native-${guest}` : `ept-${guest}-${ept}`;
                const configuration = CONFIGURATIONS.find((c) => c.id === id)!;
                return (
                  <td key={id}>
                    <input
                      type="checkbox"
                      aria-label={configuration.label}
                      checked={selected.includes(id)}
                      onChange={() => toggle(id)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
