/**
 * Keeps a failing region (a view, a control group) from taking the page down with it: it says which
 * region failed and why, and the rest of the page stays usable. `name` reads in a sentence:
 * "The <name> could not be drawn".
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly name: string;
  readonly children: ReactNode;
}

export class ViewBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`The ${this.props.name} failed`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="view-failed">
        <p>
          The {this.props.name} could not be drawn ({this.state.error.message}). The rest of the page still
          works.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
