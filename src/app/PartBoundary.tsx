/**
 * An error boundary around one part of the page (the map, the timeline, the filters, the source panel,
 * the list): a part that fails says so, with the reason and a way to try again, and the rest keeps
 * working. The error is also logged for whoever reads the console.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** What the part is, for the message: "The map", "The timeline"… */
  name: string;
  children: ReactNode;
  /** When this changes (new data, another event), a failed part tries again by itself. */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  key: unknown;
}

export class PartBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  componentDidCatch(error: unknown) {
    console.error(`${this.props.name} failed:`, error);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="notice error part-failed">
        <p>
          {this.props.name} could not be shown: {error.message}. The rest of the page still works.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
