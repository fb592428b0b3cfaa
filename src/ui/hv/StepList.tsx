/** The steps of the event under the cursor, the current one marked; later ones not yet shown. */
import type { HvEventReport, HvMode } from '../../engine';
import { stepText } from './step-text';

export function StepList({
  event,
  upTo,
  mode,
  label,
}: {
  event: HvEventReport | undefined;
  /** Index of the current step (the last one shown). */
  upTo: number;
  mode: HvMode;
  label: string;
}) {
  if (!event)
    return (
      <section className="hv-steps" aria-label={label}>
        <h3>{label}</h3>
        <p className="hv-muted">Step forward to run the first event.</p>
      </section>
    );
  return (
    <section className="hv-steps" aria-label={label}>
      <h3>{label}</h3>
      <p className="hv-event-title">
        Event {event.index + 1}: {event.text}
      </p>
      {event.steps.length === 0 ? (
        <p className="hv-muted">Nothing happens in this mode.</p>
      ) : (
        <ol>
          {event.steps.slice(0, upTo + 1).map((step, i) => (
            <li
              key={i}
              aria-current={i === upTo ? 'step' : undefined}
              className={i === upTo ? 'is-current' : undefined}
            >
              {stepText(step, mode)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
