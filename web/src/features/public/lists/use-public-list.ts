import { useEffect, useState } from 'react';
import { api } from '../../../http';

export type ListState<T> = { status: 'loading' } | { status: 'loaded'; items: T[] } | { status: 'failed'; message: string };

/** One of the public lists (recalls, consumer alerts, the blacklist), read once when its page opens. */
export function usePublicList<T>(path: string): ListState<T> {
  const [state, setState] = useState<ListState<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api<{ items: T[] }>(path)
      .then((answer) => { if (current) setState({ status: 'loaded', items: answer.items }); })
      .catch((error: unknown) => { if (current) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }); });
    return () => { current = false; };
  }, [path]);
  return state;
}
