/** How far each events file has been read, for the loading message. */
import { create } from 'zustand';
import type { LoadProgress } from '../data/read-in-worker.ts';

const useProgress = create<Record<string, LoadProgress>>(() => ({}));

/** A progress listener for the events file at `url`. */
export const reportLoadProgress =
  (url: string) =>
  (p: LoadProgress): void =>
    useProgress.setState({ [url]: p });

export const useLoadProgress = (url: string): LoadProgress | undefined => useProgress((s) => s[url]);
