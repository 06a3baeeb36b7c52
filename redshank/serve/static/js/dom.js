// DOM building without markup: every piece of data goes in as text, never as HTML.

/** An element with attributes (class, href, title, ...) and children (nodes or strings). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Append nodes and strings (as text nodes); nulls and nested arrays are allowed. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replace the children of `node`. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A link when `url` is http(s), otherwise the text alone: other schemes never become links. */
export function safeLink(url, text) {
  let parsed = null;
  try {
    parsed = url ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:")) {
    return el("a", { href: parsed.href, target: "_blank", rel: "noopener noreferrer", text });
  }
  return document.createTextNode(text);
}

/** A table from column headers and rows of cells (nodes or strings). */
export function table(headers, rows, className = "data") {
  return el("table", { class: className },
    el("thead", {}, el("tr", {}, headers.map((header) => el("th", { text: header })))),
    el("tbody", {}, rows));
}

/** Actor codes of an event record's actors or recipients, joined. */
export function codes(actors) {
  return (actors || []).map((actor) => actor.code || actor.id || actor.name).join(", ");
}
