/**
 * Writes the state into the address bar with history.replaceState, throttled, leaving the hash
 * (the map view) alone. Some iframes refuse replaceState; the map works on without it.
 */
export function urlWriter(delayMs = 250): (search: string) => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = '';
  const flush = () => {
    timer = null;
    try {
      const url = new URL(window.location.href);
      if (url.search === pending) return;
      window.history.replaceState(window.history.state, '', `${url.pathname}${pending}${url.hash}`);
    } catch {
      // Sandboxed or cross-origin frames may refuse; the URL is then not kept in sync.
    }
  };
  return (search: string) => {
    pending = search;
    timer ??= setTimeout(flush, delayMs);
  };
}
