// Calls to the JSON API of `redshank serve`; its errors become ApiError with its message.

export class ApiError extends Error {
  constructor(status, code, message, detail) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

/** GET `path` with URLSearchParams `params`; the parsed JSON, or an ApiError. */
export async function get(path, params = new URLSearchParams()) {
  const query = params.toString();
  const response = await fetch(query ? `${path}?${query}` : path,
    { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.message ? body.message
      : `${path} answered ${response.status} ${response.statusText}`;
    throw new ApiError(response.status, body && body.code, message, body && body.detail);
  }
  return body;
}

/** Every item of a paged endpoint, following next_cursor up to `max` items. */
export async function getAll(path, params, max = 5000) {
  const items = [];
  let cursor = null;
  let count = 0;
  do {
    const page = new URLSearchParams(params);
    page.set("limit", "1000");
    if (cursor) page.set("cursor", cursor);
    const answer = await get(path, page);
    items.push(...answer.items);
    count = answer.count;
    cursor = answer.next_cursor;
  } while (cursor && items.length < max);
  return { items, count, complete: !cursor };
}
