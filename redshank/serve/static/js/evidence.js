// The evidence panel: why an event was coded, from GET /api/events/{id}.
import { get } from "./api.js";
import { codes, el, fill, safeLink } from "./dom.js";

const ROLES = ["actor", "recipient", "trigger", "date", "place", "quote"];

/** The sentence as text nodes and <mark>s: each piece between span edges is marked with
 * the roles of every span that covers it (spans may nest or overlap). */
export function highlighted(sentence, spans) {
  const valid = spans.filter((span) => span.start >= 0 && span.end <= sentence.length
    && span.start < span.end);
  const edges = new Set([0, sentence.length]);
  for (const span of valid) {
    edges.add(span.start);
    edges.add(span.end);
  }
  const points = [...edges].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const text = sentence.slice(start, end);
    const covering = valid.filter((span) => span.start <= start && span.end >= end);
    if (covering.length === 0) {
      pieces.push(text);
      continue;
    }
    const roles = [...new Set(covering.map((span) => span.role))]
      .filter((role) => ROLES.includes(role));
    pieces.push(el("mark", {
      class: roles.map((role) => `span-${role}`).join(" "),
      "data-roles": roles.join(" "),
      title: covering.map((span) => `${span.role}: ${span.label || span.text}`).join("\n"),
      text,
    }));
  }
  return el("p", { class: "sentence" }, pieces);
}

function field(name, ...value) {
  return [el("dt", { text: name }), el("dd", {}, value)];
}

function entriesList(entries) {
  return el("ul", { class: "entries" }, entries.map((entry) => el("li", {},
    el("span", { class: `role role-${entry.role}`, text: entry.role }), " ",
    el("q", { text: entry.text }), ` → ${entry.name || ""} ${entry.code ? `(${entry.code})` : ""}`,
    el("ul", {}, (entry.entries || []).map((line) => el("li", { class: "mono", text: line }))))));
}

function dateText(date) {
  if (!date) return "undated";
  const said = date.text ? ` from “${date.text}”` : "";
  return `${date.value} (${date.precision})${said}${date.method ? `: ${date.method}` : ""}`;
}

function placeText(place) {
  if (!place) return "no place";
  const where = [place.name, place.country].filter(Boolean).join(", ");
  const at = place.lat === null || place.lat === undefined ? "not on the map"
    : `${Number(place.lat).toFixed(2)}, ${Number(place.lon).toFixed(2)}`;
  return `${where}: ${place.precision} precision, ${at}; found in the ${place.scope || "?"}`
    + `${place.method ? ` (${place.method})` : ""}`;
}

function reportsList(others, open) {
  if (others.length === 0) return el("p", { class: "muted", text: "No other report of it." });
  return el("ul", { class: "reports" }, others.map((report) => el("li", {},
    el("button", { class: "linkish", type: "button", onclick: () => open(report.event_id),
      text: report.published || "?" }), " ",
    safeLink(report.url, report.title || report.doc_id),
    report.publisher ? ` (${report.publisher})` : "",
    el("blockquote", { text: report.sentence || "" }))));
}

/** Show the evidence of `eventId` in `panel`; `open` opens another event. */
export async function showEvidence(panel, eventId, open) {
  const body = panel.querySelector(".panel-body");
  fill(body, el("p", { class: "muted", text: "Loading…" }));
  panel.hidden = false;
  const answer = await get(`/api/events/${encodeURIComponent(eventId)}`);
  const { event, explanation, cluster } = answer;
  const others = cluster ? cluster.reports.filter((report) => report.event_id !== eventId) : [];
  const title = [event.published, event.title || event.doc_id].filter(Boolean).join(" · ");
  fill(body,
    el("h2", { text: `${event.event}${event.mode ? ` (${event.mode})` : ""}` }),
    el("p", { class: "muted" }, `${codes(event.actor) || "?"} → ${codes(event.recipient) || "—"}`,
      `, CAMEO ${event.cameo}, quad ${event.quad}`,
      event.auxiliary ? el("span", { class: "badge", text: event.auxiliary }) : null),
    el("p", { class: "source" }, safeLink(event.url, title)),
    highlighted(explanation.sentence, explanation.spans),
    el("p", { class: "legend" }, ROLES.map((role) => el("mark", { class: `span-${role}`,
      text: role }))),
    el("dl", {},
      field("rule", el("code", { text: explanation.rule })),
      field("date", dateText(explanation.date)),
      field("place", placeText(explanation.place)),
      explanation.auxiliary ? field("marked", explanation.auxiliary) : null,
      field("event id", el("code", { text: event.event_id }))),
    el("h3", { text: "Dictionary entries" }),
    entriesList(explanation.entries || []),
    (explanation.notes || []).length
      ? [el("h3", { text: "Notes" }), el("ul", {}, explanation.notes.map((note) =>
        el("li", { text: note })))]
      : null,
    el("h3", { text: `Other reports of this event (${others.length})` }),
    cluster ? reportsList(others, open)
      : el("p", { class: "muted", text: "Not linked to a cluster." }),
    el("details", {}, el("summary", { text: "redshank explain" }),
      el("pre", { text: explanation.text })));
  return answer;
}
