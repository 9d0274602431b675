import { useSearchParams } from "react-router";

export type UrlFilters<K extends string> = Partial<Record<K, string>>;

/**
 * A list's filters kept in the URL, so a filtered view survives a reload and can be bookmarked or
 * sent to a colleague. Each page checks the values it reads (an unknown status is no filter).
 */
export function useUrlFilters<K extends string>(keys: readonly K[]): [UrlFilters<K>, (next: { [key in K]?: string | null }) => void] {
  const [params, setParams] = useSearchParams();
  const filters: UrlFilters<K> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const set = (next: { [key in K]?: string | null }) => {
    const out = new URLSearchParams();
    for (const key of keys) {
      const value = next[key];
      if (value) out.set(key, value);
    }
    setParams(out, { replace: true });
  };
  return [filters, set];
}
