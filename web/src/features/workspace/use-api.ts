import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../http';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GET one API path for a page; `null` waits (a path that depends on something not loaded yet). */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoading(true);
    api<T>(path)
      .then((answer) => { if (live) { setData(answer); setError(undefined); } })
      .catch((err: unknown) => { if (live) setError(err instanceof ApiError ? err : new ApiError(0, { detail: String(err) })); })
      .finally(() => { if (live) setLoading(false); });
    // A page left or a path changed before the answer came must not overwrite what is shown now.
    return () => { live = false; };
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
