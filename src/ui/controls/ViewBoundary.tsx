/** Keeps a failing view from taking the controls down with it: the rest of the page stays usable. */
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
    console.error(`The ${this.props.name} view failed`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="view-failed">
        <p>
          The {this.props.name} view could not be drawn ({this.state.error.message}). The other views and the
          controls still work.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
