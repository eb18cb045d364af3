// Fetches JSON from the atlas API; rejects with a readable error on HTTP failures.
export async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try {
      detail = (await response.json()).detail || detail;
    } catch (_error) {
      // not JSON: keep the status line
    }
    throw new Error(detail);
  }
  return response.json();
}
