// Talks JSON to the atlas API; rejects with a readable error (the answer's "detail", else the
// status line) on HTTP failures.
async function answerOf(response) {
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try {
      detail = (await response.json()).detail || detail;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(detail);
  }
  return response.json();
}

export async function fetchJson(url) {
  return answerOf(await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }));
}

// Django's CSRF token from the cookies ("" when there is none).
export function csrfToken(cookie = globalThis.document?.cookie ?? "") {
  return cookie.match(/(?:^|; )csrftoken=([^;]+)/)?.[1] || "";
}

export async function postJson(url, body) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() },
    body: JSON.stringify(body),
  });
  return answerOf(response);
}
